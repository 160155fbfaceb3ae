using System.Numerics;
using Node.Dicom.Errors;
using Node.Dicom.Tags;

namespace Node.Dicom.Imaging;

/// <summary>
/// Modality values of grayscale frames: stored value × Rescale Slope + Rescale Intercept (PS3.3
/// C.11.1), with the slope and intercept of each frame's functional groups where it has them.
/// </summary>
public sealed partial class DicomPixelData
{
    /// <summary>
    /// Returns the rescale of one frame: its Pixel Value Transformation functional group, per-frame
    /// before shared, else the top-level <see cref="RescaleSlope"/> and <see cref="RescaleIntercept"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frameIndex"/> is not below <see cref="FrameCount"/>.</exception>
    /// <exception cref="DicomPixelDataException">The frame's functional group lacks a value, has one that is not a number, or has slope 0.</exception>
    public FrameRescale GetFrameRescale(int frameIndex)
    {
        CheckFrameIndex(frameIndex);
        return _groups.GetRescale(frameIndex);
    }

    /// <summary>
    /// Returns one grayscale frame's modality values, such as Hounsfield units for CT. MONOCHROME1
    /// frames are returned as stored, not inverted; see <see cref="GetModalityFrameAsMonochrome2"/>.
    /// </summary>
    /// <remarks>
    /// Values of up to 16 bits are computed in single precision. A float represents integers up to
    /// 2^24 exactly, so 32-bit stored values and their modality values may be rounded.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The frame is not MONOCHROME1 or MONOCHROME2.</exception>
    /// <exception cref="DicomPixelDataException">
    /// A Modality LUT Sequence replaces the rescale, the frame's rescale is malformed (see
    /// <see cref="GetFrameRescale"/>), or the frame's compressed data is malformed.
    /// </exception>
    public float[] GetModalityFrame(int frameIndex)
    {
        var values = new float[FrameValueCount];
        CopyModalityFrame(frameIndex, values);
        return values;
    }

    /// <summary>Writes one frame's modality values, as <see cref="GetModalityFrame"/> returns them, to the start of <paramref name="destination"/>.</summary>
    public void CopyModalityFrame(int frameIndex, Span<float> destination) =>
        CopyModalityValues(frameIndex, destination, invert: false);

    /// <summary>
    /// Returns one grayscale frame's modality values oriented as MONOCHROME2, higher meaning
    /// brighter. For MONOCHROME2 this equals <see cref="GetModalityFrame"/>. For MONOCHROME1 each
    /// stored value v is first mirrored within the range Bits Stored can hold, to min + max - v
    /// (2^BitsStored - 1 - v unsigned, -1 - v signed), and then rescaled.
    /// </summary>
    public float[] GetModalityFrameAsMonochrome2(int frameIndex)
    {
        var values = new float[FrameValueCount];
        CopyModalityFrameAsMonochrome2(frameIndex, values);
        return values;
    }

    /// <summary>Writes what <see cref="GetModalityFrameAsMonochrome2"/> returns to the start of <paramref name="destination"/>.</summary>
    public void CopyModalityFrameAsMonochrome2(int frameIndex, Span<float> destination) =>
        CopyModalityValues(frameIndex, destination, invert: IsMonochrome1);

    private void CopyModalityValues(int frameIndex, Span<float> destination, bool invert)
    {
        CheckGrayscale();
        CheckFrameIndex(frameIndex);
        CheckDestination(destination.Length, nameof(destination));
        destination = destination[..FrameValueCount];
        switch (BitsAllocated, IsSigned)
        {
            case (1, _) or (8, false):
                Rescale<byte>(frameIndex, destination, invert);
                break;
            case (8, true):
                Rescale<sbyte>(frameIndex, destination, invert);
                break;
            case (16, false):
                Rescale<ushort>(frameIndex, destination, invert);
                break;
            case (16, true):
                Rescale<short>(frameIndex, destination, invert);
                break;
            case (32, false):
                Rescale<uint>(frameIndex, destination, invert);
                break;
            default:
                Rescale<int>(frameIndex, destination, invert);
                break;
        }
    }

    private void Rescale<T>(int frameIndex, Span<float> destination, bool invert)
        where T : unmanaged, IBinaryInteger<T>
    {
        var rescale = _groups.GetRescale(frameIndex);
        using var buffers = new FrameBuffers();
        var stored = ReadStoredValues<T>(frameIndex, buffers);

        // Mirroring v to (min + max) - v and then rescaling folds into one linear map.
        var slope = invert ? -rescale.Slope : rescale.Slope;
        var intercept = invert ? (rescale.Slope * StoredRangeSum()) + rescale.Intercept : rescale.Intercept;
        ModalityRescale.Apply<T>(stored, destination, slope, intercept);
    }

    /// <summary>Returns the smallest plus the largest value Bits Stored can hold.</summary>
    private double StoredRangeSum() => IsSigned ? -1 : (1L << BitsStored) - 1;

    private void CheckGrayscale()
    {
        if (!IsGrayscale)
        {
            var term = PhotometricInterpretationTerms.ToTerm(PhotometricInterpretation);
            throw new InvalidOperationException(
                $"Modality values apply to MONOCHROME1 and MONOCHROME2 frames, not {term}; use GetFrame for stored values or GetRgbFrame for colour.");
        }

        if (_module.HasModalityLutSequence)
        {
            throw new DicomPixelDataException(
                $"{ImagePixelAttributeNames.Describe(DicomTags.ModalityLUTSequence)} is present; this library applies only Rescale Slope and Rescale Intercept",
                DicomTags.ModalityLUTSequence);
        }
    }
}
