using System.Numerics;
using Node.Dicom.Errors;
using Node.Dicom.Tags;

namespace Node.Dicom.Imaging;

/// <summary>Colour frames as interleaved RGB: R G B for each pixel along each row.</summary>
public sealed partial class DicomPixelData
{
    private const int ColorSamples = 3;

    /// <summary>
    /// Returns one 8-bit colour frame as R G B bytes per pixel. RGB is returned as stored in
    /// either planar configuration; YBR_FULL and YBR_FULL_422 are converted with the equations of
    /// PS3.3 C.7.6.3.1.2, rounding to the nearest value.
    /// </summary>
    /// <exception cref="InvalidOperationException">The frame is not colour, or Bits Allocated is not 8.</exception>
    /// <exception cref="DicomPixelDataException">The colour model cannot be converted, or the frame's compressed data is malformed.</exception>
    public byte[] GetRgbFrame(int frameIndex)
    {
        var values = new byte[FrameValueCount];
        CopyRgbFrame(frameIndex, values.AsSpan());
        return values;
    }

    /// <summary>Writes what <see cref="GetRgbFrame"/> returns to the start of <paramref name="destination"/>.</summary>
    public void CopyRgbFrame(int frameIndex, Span<byte> destination) => CopyRgbValues(frameIndex, destination);

    /// <summary>Returns one 16-bit colour frame as R G B values per pixel, as <see cref="GetRgbFrame"/> does for 8-bit frames.</summary>
    public ushort[] GetRgbFrameUInt16(int frameIndex)
    {
        var values = new ushort[FrameValueCount];
        CopyRgbFrame(frameIndex, values.AsSpan());
        return values;
    }

    /// <summary>Writes what <see cref="GetRgbFrameUInt16"/> returns to the start of <paramref name="destination"/>.</summary>
    public void CopyRgbFrame(int frameIndex, Span<ushort> destination) => CopyRgbValues(frameIndex, destination);

    private void CopyRgbValues<T>(int frameIndex, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>
    {
        CheckRgbConvertible<T>();
        CheckFrameIndex(frameIndex);
        CheckDestination(destination.Length, nameof(destination));
        destination = destination[..FrameValueCount];
        ReadStoredValues(frameIndex, destination);
        if (PhotometricInterpretation != DicomPhotometricInterpretation.Rgb)
        {
            YbrFullToRgb.ConvertInPlace(destination, BitsStored);
        }
    }

    private void CheckRgbConvertible<T>()
    {
        var term = PhotometricInterpretationTerms.ToTerm(PhotometricInterpretation);
        if (SamplesPerPixel != ColorSamples)
        {
            var advice = PhotometricInterpretation == DicomPhotometricInterpretation.PaletteColor
                ? "GetFrame returns its palette indices, and this library does not apply the palette lookup tables"
                : "use GetModalityFrame";
            throw new InvalidOperationException($"RGB frames need colour pixel data, not {term}; {advice}.");
        }

        var bits = typeof(T) == typeof(byte) ? 8 : 16;
        if (BitsAllocated != bits)
        {
            throw new InvalidOperationException(
                $"The pixel data has Bits Allocated {BitsAllocated}; {(bits == 8 ? "GetRgbFrame" : "GetRgbFrameUInt16")} reads {bits}-bit samples only.");
        }

        if (IsSigned)
        {
            throw new DicomPixelDataException(
                $"{ImagePixelAttributeNames.Describe(DicomTags.PixelRepresentation)} 1 is invalid for {term} colour, whose samples are unsigned",
                DicomTags.PixelRepresentation);
        }

        if (PhotometricInterpretation is not (DicomPhotometricInterpretation.Rgb or DicomPhotometricInterpretation.YbrFull or DicomPhotometricInterpretation.YbrFull422))
        {
            throw new DicomPixelDataException(
                $"{ImagePixelAttributeNames.Describe(DicomTags.PhotometricInterpretation)} {term} cannot be converted to RGB: this library converts RGB, YBR_FULL and YBR_FULL_422",
                DicomTags.PhotometricInterpretation);
        }
    }
}
