using Node.Dicom.Data;
using Node.Dicom.Uids;

namespace Node.Inference.Imaging;

/// <summary>
/// The one place where an instance's pixel data becomes numbers; preprocessing depends on this
/// interface only. <see cref="DicomPixelDataDecoder"/> is the node's implementation.
/// </summary>
public interface IImageDecoder
{
    /// <summary>Returns whether the decoder reads pixel data encoded in <paramref name="transferSyntax"/>.</summary>
    bool CanDecode(DicomTransferSyntax transferSyntax);

    /// <summary>Checks that the instance contains grayscale pixel data the decoder reads, and returns its number of frames.</summary>
    /// <exception cref="Node.Dicom.Errors.DicomPixelDataException">The pixel data is absent, in a transfer syntax the decoder cannot read, not grayscale, or contradicts its attributes.</exception>
    int CountFrames(DicomDataset dataset, DicomTransferSyntax transferSyntax);

    /// <summary>Decodes one grayscale frame of an instance, row by row.</summary>
    /// <param name="dataset">The instance.</param>
    /// <param name="transferSyntax">The transfer syntax the instance's pixel data is encoded in.</param>
    /// <param name="frameIndex">The frame, numbered from 0 (Referenced Frame Number minus 1).</param>
    /// <param name="applyModalityLut">Whether to return modality values (stored × Rescale Slope + Rescale Intercept, the frame's own where its functional groups carry them) instead of stored values.</param>
    /// <exception cref="Node.Dicom.Errors.DicomPixelDataException">The pixel data is absent, in a transfer syntax the decoder cannot read, not grayscale, or contradicts its attributes.</exception>
    GrayscaleImage DecodeFrame(DicomDataset dataset, DicomTransferSyntax transferSyntax, int frameIndex, bool applyModalityLut);

    /// <summary>Decodes one grayscale frame into <paramref name="values"/> where its length is the frame's rows × columns, else into a new array.</summary>
    /// <param name="dataset">The instance.</param>
    /// <param name="transferSyntax">The transfer syntax the instance's pixel data is encoded in.</param>
    /// <param name="frameIndex">The frame, numbered from 0.</param>
    /// <param name="applyModalityLut">Whether to return modality values instead of stored values.</param>
    /// <param name="values">An array the caller reuses from frame to frame; a decoder may ignore it.</param>
    GrayscaleImage DecodeFrame(DicomDataset dataset, DicomTransferSyntax transferSyntax, int frameIndex, bool applyModalityLut, float[]? values) =>
        DecodeFrame(dataset, transferSyntax, frameIndex, applyModalityLut);
}
