using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using static Node.Dicom.Imaging.ImagePixelAttributeNames;

namespace Node.Dicom.Imaging;

/// <summary>
/// The Image Pixel module attributes (PS3.3 C.7.6.3) and the rescale of the Modality LUT
/// module (C.11.1), read from a data set and checked against each other.
/// </summary>
internal sealed class ImagePixelModule
{
    private const int MaxBitsAllocated = 32;

    private ImagePixelModule()
    {
    }

    public int Rows { get; private init; }

    public int Columns { get; private init; }

    public int SamplesPerPixel { get; private init; }

    public int BitsAllocated { get; private init; }

    public int BitsStored { get; private init; }

    public int HighBit { get; private init; }

    public bool IsSigned { get; private init; }

    public DicomPhotometricInterpretation PhotometricInterpretation { get; private init; }

    public DicomPlanarConfiguration PlanarConfiguration { get; private init; }

    public int FrameCount { get; private init; }

    public double RescaleSlope { get; private init; }

    public double RescaleIntercept { get; private init; }

    public bool HasModalityLutSequence { get; private init; }

    public int PixelCount => Rows * Columns;

    /// <summary>Values in one decoded frame: Rows × Columns × Samples per Pixel, subsampled chroma expanded.</summary>
    public int FrameValueCount => PixelCount * SamplesPerPixel;

    /// <summary>Bytes of one sample in memory: 1 for 1-bit and 8-bit data, 2 or 4 for wider data.</summary>
    public int BytesPerValue => Math.Max(1, BitsAllocated / 8);

    public bool IsSubsampled => PhotometricInterpretation is DicomPhotometricInterpretation.YbrFull422 or DicomPhotometricInterpretation.YbrPartial422;

    /// <summary>Samples stored for each pixel: 2 for horizontally subsampled YBR (Y for each pixel, Cb and Cr for each pair).</summary>
    public int StoredSamplesPerPixel => IsSubsampled ? 2 : SamplesPerPixel;

    /// <summary>Bits of one uncompressed frame as stored; 1-bit frames need not fill whole bytes.</summary>
    public long StoredFrameBits => (long)PixelCount * StoredSamplesPerPixel * BitsAllocated;

    /// <summary>Bytes that hold one uncompressed frame, the last one partly filled for 1-bit data.</summary>
    public int StoredFrameBytes => checked((int)((StoredFrameBits + 7) / 8));

    /// <summary>Reads and checks the attributes; every fault is a <see cref="DicomPixelDataException"/> naming the attribute.</summary>
    public static ImagePixelModule Read(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        var bigEndian = syntax.IsBigEndian;
        var rows = RequirePositive(dataset, DicomTags.Rows, bigEndian);
        var columns = RequirePositive(dataset, DicomTags.Columns, bigEndian);
        var samples = RequirePositive(dataset, DicomTags.SamplesPerPixel, bigEndian);
        var photometric = ReadPhotometricInterpretation(dataset, samples);
        var (bitsAllocated, bitsStored, highBit) = ReadBitDepth(dataset, bigEndian);
        var signed = ReadPixelRepresentation(dataset, bigEndian, bitsAllocated, samples);
        var (slope, intercept) = ReadRescale(dataset);
        var module = new ImagePixelModule
        {
            Rows = rows,
            Columns = columns,
            SamplesPerPixel = samples,
            BitsAllocated = bitsAllocated,
            BitsStored = bitsStored,
            HighBit = highBit,
            IsSigned = signed,
            PhotometricInterpretation = photometric,
            PlanarConfiguration = ReadPlanarConfiguration(dataset, bigEndian, samples, photometric),
            FrameCount = ReadFrameCount(dataset),
            RescaleSlope = slope,
            RescaleIntercept = intercept,
            HasModalityLutSequence = dataset.Contains(DicomTags.ModalityLUTSequence),
        };

        module.CheckSubsampledColumns();
        module.CheckFrameSize();
        return module;
    }

    private static int RequirePositive(DicomDataset dataset, DicomTag tag, bool bigEndian)
    {
        var value = ImagePixelAttributeReader.ReadUInt16(dataset, tag, bigEndian) ?? throw Missing(tag);
        if (value <= 0)
        {
            throw new DicomPixelDataException($"{Describe(tag)} {value} is invalid: it must be at least 1", tag);
        }

        return value;
    }

    private static DicomPhotometricInterpretation ReadPhotometricInterpretation(DicomDataset dataset, int samples)
    {
        var tag = DicomTags.PhotometricInterpretation;
        var term = ImagePixelAttributeReader.ReadText(dataset, tag) ?? throw Missing(tag);
        if (!PhotometricInterpretationTerms.TryParse(term, out var photometric))
        {
            throw new DicomPixelDataException($"{Describe(tag)} '{term}' is not a defined term this library decodes", tag);
        }

        var expected = PhotometricInterpretationTerms.SamplesPerPixel(photometric);
        if (samples != expected)
        {
            throw new DicomPixelDataException(
                $"{Describe(DicomTags.SamplesPerPixel)} {samples} contradicts {Describe(tag)} {term}, which has {expected} sample(s) per pixel",
                DicomTags.SamplesPerPixel);
        }

        return photometric;
    }

    private static (int Allocated, int Stored, int HighBit) ReadBitDepth(DicomDataset dataset, bool bigEndian)
    {
        var allocated = ImagePixelAttributeReader.ReadUInt16(dataset, DicomTags.BitsAllocated, bigEndian) ?? throw Missing(DicomTags.BitsAllocated);
        if (allocated is not (1 or 8 or 16 or MaxBitsAllocated))
        {
            throw new DicomPixelDataException($"{Describe(DicomTags.BitsAllocated)} {allocated} is not supported: expected 1, 8, 16 or 32", DicomTags.BitsAllocated);
        }

        var stored = ImagePixelAttributeReader.ReadUInt16(dataset, DicomTags.BitsStored, bigEndian) ?? throw Missing(DicomTags.BitsStored);
        if (stored < 1)
        {
            throw new DicomPixelDataException($"{Describe(DicomTags.BitsStored)} {stored} is invalid: it must be at least 1", DicomTags.BitsStored);
        }

        if (stored > allocated)
        {
            throw new DicomPixelDataException($"{Describe(DicomTags.BitsStored)} {stored} exceeds {Describe(DicomTags.BitsAllocated)} {allocated}", DicomTags.BitsStored);
        }

        var highBit = ImagePixelAttributeReader.ReadUInt16(dataset, DicomTags.HighBit, bigEndian) ?? throw Missing(DicomTags.HighBit);
        if (highBit >= allocated)
        {
            throw new DicomPixelDataException($"{Describe(DicomTags.HighBit)} {highBit} is not below {Describe(DicomTags.BitsAllocated)} {allocated}", DicomTags.HighBit);
        }

        if (highBit < stored - 1)
        {
            throw new DicomPixelDataException(
                $"{Describe(DicomTags.HighBit)} {highBit} is less than {Describe(DicomTags.BitsStored)} {stored} minus 1, so the stored bits do not fit below it",
                DicomTags.HighBit);
        }

        return (allocated, stored, highBit);
    }

    private static bool ReadPixelRepresentation(DicomDataset dataset, bool bigEndian, int bitsAllocated, int samples)
    {
        var tag = DicomTags.PixelRepresentation;
        var value = ImagePixelAttributeReader.ReadUInt16(dataset, tag, bigEndian) ?? throw Missing(tag);
        if (value is not (0 or 1))
        {
            throw new DicomPixelDataException($"{Describe(tag)} {value} is invalid: expected 0 (unsigned) or 1 (two's complement)", tag);
        }

        if (bitsAllocated == 1 && value == 1)
        {
            throw new DicomPixelDataException($"{Describe(tag)} 1 is invalid with {Describe(DicomTags.BitsAllocated)} 1: single-bit pixels are unsigned", tag);
        }

        if (bitsAllocated == 1 && samples != 1)
        {
            throw new DicomPixelDataException(
                $"{Describe(DicomTags.BitsAllocated)} 1 is not supported with {Describe(DicomTags.SamplesPerPixel)} {samples}: single-bit pixels have one sample",
                DicomTags.BitsAllocated);
        }

        return value == 1;
    }

    private static DicomPlanarConfiguration ReadPlanarConfiguration(DicomDataset dataset, bool bigEndian, int samples, DicomPhotometricInterpretation photometric)
    {
        var tag = DicomTags.PlanarConfiguration;
        if (samples == 1)
        {
            return DicomPlanarConfiguration.Interleaved;
        }

        var value = ImagePixelAttributeReader.ReadUInt16(dataset, tag, bigEndian)
            ?? throw new DicomPixelDataException($"{Describe(tag)} is missing; it is required when {Describe(DicomTags.SamplesPerPixel)} is {samples}", tag);
        if (value is not (0 or 1))
        {
            throw new DicomPixelDataException($"{Describe(tag)} {value} is invalid: expected 0 (interleaved) or 1 (planar)", tag);
        }

        var subsampled = photometric is DicomPhotometricInterpretation.YbrFull422 or DicomPhotometricInterpretation.YbrPartial422;
        if (subsampled && value == 1)
        {
            var term = PhotometricInterpretationTerms.ToTerm(photometric);
            throw new DicomPixelDataException(
                $"{Describe(tag)} 1 is invalid with {Describe(DicomTags.PhotometricInterpretation)} {term}, whose pixel pairs are stored interleaved",
                tag);
        }

        return (DicomPlanarConfiguration)value;
    }

    /// <summary>Reads Number of Frames, 1 where absent.</summary>
    internal static int ReadFrameCount(DicomDataset dataset)
    {
        var tag = DicomTags.NumberOfFrames;
        var frames = ImagePixelAttributeReader.ReadIntegerString(dataset, tag) ?? 1;
        if (frames < 1)
        {
            throw new DicomPixelDataException($"{Describe(tag)} {frames} is invalid: it must be at least 1", tag);
        }

        return frames;
    }

    /// <summary>Reads the top-level Rescale Slope and Intercept, 1 and 0 where both are absent.</summary>
    internal static (double Slope, double Intercept) ReadRescale(DicomDataset dataset)
    {
        var slope = ImagePixelAttributeReader.ReadDecimalString(dataset, DicomTags.RescaleSlope);
        var intercept = ImagePixelAttributeReader.ReadDecimalString(dataset, DicomTags.RescaleIntercept);
        if (slope.HasValue != intercept.HasValue)
        {
            var (present, absent) = slope.HasValue ? (DicomTags.RescaleSlope, DicomTags.RescaleIntercept) : (DicomTags.RescaleIntercept, DicomTags.RescaleSlope);
            throw new DicomPixelDataException($"{Describe(present)} is present without {Describe(absent)}; the two are required together", absent);
        }

        if (slope == 0)
        {
            throw new DicomPixelDataException($"{Describe(DicomTags.RescaleSlope)} 0 is invalid: it would map every stored value to the intercept", DicomTags.RescaleSlope);
        }

        return (slope ?? 1, intercept ?? 0);
    }

    private void CheckSubsampledColumns()
    {
        if (IsSubsampled && Columns % 2 != 0)
        {
            var term = PhotometricInterpretationTerms.ToTerm(PhotometricInterpretation);
            throw new DicomPixelDataException(
                $"{Describe(DicomTags.Columns)} {Columns} is odd, but {Describe(DicomTags.PhotometricInterpretation)} {term} stores Cb and Cr once for each pair of pixels in a row",
                DicomTags.Columns);
        }
    }

    /// <summary>Checks that one decoded frame fits in an array, so frame sizes can be ints.</summary>
    private void CheckFrameSize()
    {
        var bytes = (long)Rows * Columns * SamplesPerPixel * BytesPerValue;
        if (bytes > Array.MaxLength || StoredFrameBits / 8 > Array.MaxLength)
        {
            throw new DicomPixelDataException(
                $"one frame of {Describe(DicomTags.Rows)} {Rows} × {Describe(DicomTags.Columns)} {Columns} × {SamplesPerPixel} samples takes {bytes} bytes, more than an array can contain",
                DicomTags.Rows);
        }
    }

    private static DicomPixelDataException Missing(DicomTag tag) =>
        new($"{Describe(tag)} is missing or empty; the Image Pixel module requires it", tag);
}
