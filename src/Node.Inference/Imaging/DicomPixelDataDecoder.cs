using System.Numerics;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Imaging;
using Node.Dicom.Tags;
using Node.Dicom.Uids;

namespace Node.Inference.Imaging;

/// <summary>
/// Decodes grayscale frames through <see cref="DicomPixelData"/>: native pixel data of any
/// byte order, Encapsulated Uncompressed and RLE Lossless, one or many frames. Values are
/// stored values, or modality values where the caller asks for the modality LUT, each frame
/// with its own rescale where an enhanced image's functional groups carry one. MONOCHROME1
/// frames are returned as stored, so the preprocessor inverts them after windowing.
/// </summary>
public sealed class DicomPixelDataDecoder : IImageDecoder
{
    /// <summary>
    /// Decodes the single frame of <paramref name="dataset"/>, taking its transfer syntax from
    /// the state of Pixel Data because a data set read from a file no longer carries its file meta.
    /// </summary>
    /// <remarks>
    /// Native Pixel Data is decoded as Explicit VR Little Endian. That is right for 8- and 16-bit
    /// cells of every native syntax, because the reader has already put OW words in host order.
    /// NOTE: 32-bit cells read from Explicit VR Big Endian decode wrongly this way; callers with
    /// the file meta should call the overload that takes the transfer syntax. Encapsulated Pixel
    /// Data without a known transfer syntax is rejected.
    /// </remarks>
    /// <exception cref="DicomPixelDataException">The pixel data cannot be decoded, is not grayscale, or has more than one frame.</exception>
    public GrayscaleImage Decode(DicomDataset dataset, bool applyModalityLut)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.GetElement(DicomTags.PixelData) is DicomFragmentSequence)
        {
            throw new DicomPixelDataException("Pixel Data is encapsulated, but its transfer syntax is unknown, so no decoder can be chosen", DicomTags.PixelData);
        }

        return Decode(dataset, DicomTransferSyntax.ExplicitVRLittleEndian, applyModalityLut);
    }

    /// <summary>Decodes the single frame of <paramref name="dataset"/>, encoded in <paramref name="transferSyntax"/>.</summary>
    /// <exception cref="DicomPixelDataException">The pixel data cannot be decoded, is not grayscale, or has more than one frame.</exception>
    public GrayscaleImage Decode(DicomDataset dataset, DicomTransferSyntax transferSyntax, bool applyModalityLut)
    {
        var pixelData = OpenGrayscale(dataset, transferSyntax);
        if (pixelData.FrameCount != 1)
        {
            throw new DicomPixelDataException($"the instance has {pixelData.FrameCount} frames, and each image analysed is one frame; decode them with DecodeFrames", DicomTags.NumberOfFrames);
        }

        return DecodeFrame(pixelData, 0, applyModalityLut);
    }

    /// <inheritdoc/>
    public bool CanDecode(DicomTransferSyntax transferSyntax) => DicomPixelData.CanDecode(transferSyntax);

    /// <inheritdoc/>
    public int CountFrames(DicomDataset dataset, DicomTransferSyntax transferSyntax) => OpenGrayscale(dataset, transferSyntax).FrameCount;

    /// <inheritdoc/>
    /// <remarks>
    /// Each call reads the attributes again, so a caller can decode the frames of a large
    /// instance one at a time without keeping them all in memory.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frameIndex"/> is not below the number of frames.</exception>
    public GrayscaleImage DecodeFrame(DicomDataset dataset, DicomTransferSyntax transferSyntax, int frameIndex, bool applyModalityLut) =>
        DecodeFrame(OpenGrayscale(dataset, transferSyntax), frameIndex, applyModalityLut);

    /// <inheritdoc/>
    public GrayscaleImage DecodeFrame(DicomDataset dataset, DicomTransferSyntax transferSyntax, int frameIndex, bool applyModalityLut, float[]? values) =>
        DecodeFrame(OpenGrayscale(dataset, transferSyntax), frameIndex, applyModalityLut, values);

    /// <summary>Decodes every frame of <paramref name="dataset"/>, encoded in <paramref name="transferSyntax"/>, in frame order.</summary>
    /// <exception cref="DicomPixelDataException">The pixel data cannot be decoded or is not grayscale.</exception>
    public IReadOnlyList<GrayscaleImage> DecodeFrames(DicomDataset dataset, DicomTransferSyntax transferSyntax, bool applyModalityLut)
    {
        var pixelData = OpenGrayscale(dataset, transferSyntax);
        var frames = new GrayscaleImage[pixelData.FrameCount];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = DecodeFrame(pixelData, i, applyModalityLut);
        }

        return frames;
    }

    private static DicomPixelData OpenGrayscale(DicomDataset dataset, DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transferSyntax);

        var pixelData = DicomPixelData.Create(dataset, transferSyntax);
        if (!pixelData.IsGrayscale || pixelData.SamplesPerPixel != 1)
        {
            throw new DicomPixelDataException($"Photometric Interpretation {pixelData.PhotometricInterpretation} is not MONOCHROME1 or MONOCHROME2", DicomTags.PhotometricInterpretation);
        }

        if (pixelData.BitsAllocated == 1)
        {
            throw new DicomPixelDataException("Bits Allocated 1 marks a bitmap such as a segmentation, not a grayscale image", DicomTags.BitsAllocated);
        }

        return pixelData;
    }

    private static GrayscaleImage DecodeFrame(DicomPixelData pixelData, int frameIndex, bool applyModalityLut, float[]? reusable = null)
    {
        var values = reusable?.Length == pixelData.FrameValueCount ? reusable : new float[pixelData.FrameValueCount];
        if (applyModalityLut)
        {
            CheckRescale(pixelData.GetFrameRescale(frameIndex), frameIndex);
            pixelData.CopyModalityFrame(frameIndex, values);
        }
        else
        {
            CopyStoredFrame(pixelData, frameIndex, values);
        }

        return new GrayscaleImage(pixelData.Rows, pixelData.Columns, values, pixelData.IsMonochrome1);
    }

    /// <summary>Rejects a frame's rescale that maps every stored value to one modality value or to no number.</summary>
    private static void CheckRescale(FrameRescale rescale, int frameIndex)
    {
        if (!double.IsFinite(rescale.Slope) || rescale.Slope == 0.0 || !double.IsFinite(rescale.Intercept))
        {
            throw new DicomPixelDataException(
                $"Rescale Slope {rescale.Slope} and Rescale Intercept {rescale.Intercept} of frame {frameIndex + 1} do not define a modality LUT; the slope must be finite and non-zero",
                DicomTags.RescaleSlope);
        }
    }

    /// <summary>Copies stored values as decoded, sign-extended from Bits Stored, without the rescale.</summary>
    /// <remarks>
    /// The element type is chosen from the attributes, not by testing the array, because the
    /// runtime lets a short[] pass as a ushort[] (and sbyte[] as byte[], int[] as uint[]).
    /// </remarks>
    private static void CopyStoredFrame(DicomPixelData pixelData, int frameIndex, Span<float> destination)
    {
        switch (pixelData.BitsAllocated, pixelData.IsSigned)
        {
            case (8, false):
                Widen<byte>(pixelData.GetFrame<byte>(frameIndex), destination);
                break;
            case (8, true):
                Widen<sbyte>(pixelData.GetFrame<sbyte>(frameIndex), destination);
                break;
            case (16, false):
                Widen<ushort>(pixelData.GetFrame<ushort>(frameIndex), destination);
                break;
            case (16, true):
                Widen<short>(pixelData.GetFrame<short>(frameIndex), destination);
                break;
            case (32, false):
                Widen<uint>(pixelData.GetFrame<uint>(frameIndex), destination);
                break;
            default:
                Widen<int>(pixelData.GetFrame<int>(frameIndex), destination);
                break;
        }
    }

    private static void Widen<T>(ReadOnlySpan<T> stored, Span<float> destination)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (var i = 0; i < stored.Length; i++)
        {
            destination[i] = float.CreateTruncating(stored[i]);
        }
    }
}
