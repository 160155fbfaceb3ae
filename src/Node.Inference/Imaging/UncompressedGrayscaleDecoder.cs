using System.Buffers.Binary;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Tags;

namespace Node.Inference.Imaging;

/// <summary>
/// Decodes native (uncompressed) single-frame MONOCHROME1 and MONOCHROME2 pixel data of 8 or 16
/// bits allocated, unsigned or two's complement. As PS3.3 C.7.6.3 defines, only the Bits Stored
/// bits ending at High Bit count, and signed values are sign-extended from Bits Stored.
/// </summary>
/// <remarks>
/// NOTE: a stand-in until Node.Dicom has a pixel data decoder; encapsulated (compressed) data,
/// colour and multi-frame instances are rejected with <see cref="DicomPixelDataException"/>.
/// </remarks>
public sealed class UncompressedGrayscaleDecoder : IImageDecoder
{
    private const string Monochrome1 = "MONOCHROME1";
    private const string Monochrome2 = "MONOCHROME2";

    public GrayscaleImage Decode(DicomDataset dataset, bool applyModalityLut)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var layout = PixelLayout.Read(dataset);
        var element = dataset.GetElement(DicomTags.PixelData) switch
        {
            DicomValueElement value => value,
            DicomFragmentSequence => throw new DicomPixelDataException("encapsulated (compressed) pixel data is not supported by this decoder", DicomTags.PixelData),
            _ => throw new DicomPixelDataException("the instance has no Pixel Data", DicomTags.PixelData),
        };

        var pixelCount = layout.Rows * layout.Columns;
        var bytesNeeded = (long)pixelCount * layout.BytesPerSample;
        if (element.Length < bytesNeeded)
        {
            throw new DicomPixelDataException($"Pixel Data is too short: {element.Length} bytes, but {layout.Rows} × {layout.Columns} samples of {layout.BitsAllocated} bits need {bytesNeeded}", DicomTags.PixelData);
        }

        var values = ReadSamples(element.Value.Span, pixelCount, layout);
        if (applyModalityLut)
        {
            ApplyRescale(dataset, values);
        }

        return new GrayscaleImage(layout.Rows, layout.Columns, values);
    }

    private static float[] ReadSamples(ReadOnlySpan<byte> bytes, int count, PixelLayout layout)
    {
        var values = new float[count];
        var mask = (1 << layout.BitsStored) - 1;
        var shift = layout.HighBit + 1 - layout.BitsStored;
        var signBit = 1 << (layout.BitsStored - 1);
        for (var i = 0; i < count; i++)
        {
            int raw = layout.BitsAllocated == 8 ? bytes[i] : BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(i * 2, 2));
            var sample = (raw >> shift) & mask;
            if (layout.IsSigned && (sample & signBit) != 0)
            {
                sample -= 1 << layout.BitsStored;
            }

            values[i] = sample;
        }

        return values;
    }

    /// <summary>Applies Rescale Slope (default 1) and Rescale Intercept (default 0), PS3.3 C.11.1.1.2.</summary>
    private static void ApplyRescale(DicomDataset dataset, float[] values)
    {
        var slope = dataset.TryGetDouble(DicomTags.RescaleSlope, out var s) ? s : 1.0;
        var intercept = dataset.TryGetDouble(DicomTags.RescaleIntercept, out var b) ? b : 0.0;
        if (!double.IsFinite(slope) || slope == 0.0 || !double.IsFinite(intercept))
        {
            throw new DicomPixelDataException($"Rescale Slope {slope} and Rescale Intercept {intercept} do not define a modality LUT; the slope must be finite and non-zero", DicomTags.RescaleSlope);
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((values[i] * slope) + intercept);
        }
    }

    /// <summary>The Image Pixel module attributes that define how samples are laid out.</summary>
    private sealed record PixelLayout(int Rows, int Columns, int BitsAllocated, int BitsStored, int HighBit, bool IsSigned)
    {
        public int BytesPerSample => BitsAllocated / 8;

        public static PixelLayout Read(DicomDataset dataset)
        {
            var photometric = dataset.GetString(DicomTags.PhotometricInterpretation)?.Trim();
            if (photometric is not (Monochrome1 or Monochrome2))
            {
                throw new DicomPixelDataException($"Photometric Interpretation \"{photometric}\" is not MONOCHROME1 or MONOCHROME2", DicomTags.PhotometricInterpretation);
            }

            var samples = dataset.TryGetInt32(DicomTags.SamplesPerPixel, out var s) ? s : 1;
            var frames = dataset.TryGetInt32(DicomTags.NumberOfFrames, out var f) ? f : 1;
            if (samples != 1 || frames != 1)
            {
                throw new DicomPixelDataException($"{samples} samples per pixel and {frames} frames; this decoder reads one grayscale frame", DicomTags.NumberOfFrames);
            }

            var rows = Require(dataset, DicomTags.Rows, "Rows");
            var columns = Require(dataset, DicomTags.Columns, "Columns");
            var allocated = Require(dataset, DicomTags.BitsAllocated, "Bits Allocated");
            var stored = dataset.TryGetInt32(DicomTags.BitsStored, out var bs) ? bs : allocated;
            var highBit = dataset.TryGetInt32(DicomTags.HighBit, out var hb) ? hb : stored - 1;
            var signed = dataset.TryGetInt32(DicomTags.PixelRepresentation, out var pr) && pr == 1;
            if (allocated is not (8 or 16) || stored < 1 || stored > allocated || highBit < stored - 1 || highBit >= allocated || rows < 1 || columns < 1)
            {
                throw new DicomPixelDataException($"Rows {rows}, Columns {columns}, Bits Allocated {allocated}, Bits Stored {stored} and High Bit {highBit} do not describe 8- or 16-bit grayscale samples", DicomTags.BitsAllocated);
            }

            return new PixelLayout(rows, columns, allocated, stored, highBit, signed);
        }

        private static int Require(DicomDataset dataset, DicomTag tag, string name) =>
            dataset.TryGetInt32(tag, out var value)
                ? value
                : throw new DicomPixelDataException($"{name} is missing or not an integer", tag);
    }
}
