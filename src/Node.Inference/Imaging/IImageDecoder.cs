using Node.Dicom.Data;

namespace Node.Inference.Imaging;

/// <summary>
/// The one place where an instance's pixel data becomes numbers; preprocessing depends on this
/// interface only. <see cref="DicomPixelDataDecoder"/> is the node's implementation.
/// </summary>
public interface IImageDecoder
{
    /// <summary>Decodes the single grayscale frame of an instance, row by row.</summary>
    /// <param name="dataset">The instance.</param>
    /// <param name="applyModalityLut">Whether to return modality values (stored × Rescale Slope + Rescale Intercept) instead of stored values.</param>
    /// <exception cref="Node.Dicom.Errors.DicomPixelDataException">The pixel data is absent, in a transfer syntax the decoder cannot read, multi-frame, not grayscale, or contradicts its attributes.</exception>
    GrayscaleImage Decode(DicomDataset dataset, bool applyModalityLut);
}
