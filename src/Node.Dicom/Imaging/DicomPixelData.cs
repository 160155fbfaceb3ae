using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Uids;

namespace Node.Dicom.Imaging;

/// <summary>
/// The pixel data of an image data set (PS3.3 C.7.6.3, PS3.5 section 8), decoded frame by frame
/// into typed arrays: stored values, modality values for grayscale, and RGB for colour.
/// Native pixel data, Encapsulated Uncompressed and RLE Lossless are decoded; other compressed
/// transfer syntaxes are rejected when the instance is created.
/// </summary>
/// <remarks>
/// Creating an instance reads and checks the attributes but decodes nothing. The instance keeps
/// the pixel data memory of the data set and no other state that changes, so several threads may
/// read frames at once. Each frame read decodes afresh.
/// </remarks>
public sealed partial class DicomPixelData
{
    private readonly ImagePixelModule _module;
    private readonly FrameSource _source;

    /// <summary>The per-frame and shared functional groups, which hold the rescale of each frame of an enhanced image.</summary>
    private readonly FrameFunctionalGroups _groups;

    private DicomPixelData(DicomTransferSyntax transferSyntax, ImagePixelModule module, FrameSource source, FrameFunctionalGroups groups)
    {
        TransferSyntax = transferSyntax;
        _module = module;
        _source = source;
        _groups = groups;
    }

    /// <summary>
    /// Reads the Image Pixel module of <paramref name="dataset"/>, encoded in
    /// <paramref name="transferSyntax"/>, and checks it against the pixel data.
    /// </summary>
    /// <exception cref="DicomPixelDataException">
    /// The transfer syntax is compressed with a codec this library lacks, or an attribute is
    /// missing or contradicts another. Also raised where the pixel data is too short, where its
    /// fragments cannot be split into frames, or where the functional groups sequences do not
    /// match Number of Frames. The message names the attribute, its value and the rule.
    /// </exception>
    public static DicomPixelData Create(DicomDataset dataset, DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transferSyntax);

        FrameSourceFactory.CheckSupported(transferSyntax);
        FrameSourceFactory.CheckPresent(dataset);
        var module = ImagePixelModule.Read(dataset, transferSyntax);
        var source = FrameSourceFactory.Create(dataset, transferSyntax, module);
        var groups = FrameFunctionalGroups.Create(dataset, module.FrameCount, (module.RescaleSlope, module.RescaleIntercept));
        return new DicomPixelData(transferSyntax, module, source, groups);
    }

    /// <summary>Returns whether <see cref="Create"/> accepts pixel data in <paramref name="transferSyntax"/>.</summary>
    public static bool CanDecode(DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(transferSyntax);
        return FrameSourceFactory.IsSupported(transferSyntax);
    }

    public DicomTransferSyntax TransferSyntax { get; }

    public int Rows => _module.Rows;

    public int Columns => _module.Columns;

    public int SamplesPerPixel => _module.SamplesPerPixel;

    /// <summary>Bits of one sample cell in the stored data: 1, 8, 16 or 32.</summary>
    public int BitsAllocated => _module.BitsAllocated;

    /// <summary>Bits of the cell that hold the value, ending at <see cref="HighBit"/>.</summary>
    public int BitsStored => _module.BitsStored;

    public int HighBit => _module.HighBit;

    /// <summary>Whether stored values are two's complement (Pixel Representation 1).</summary>
    public bool IsSigned => _module.IsSigned;

    public DicomPhotometricInterpretation PhotometricInterpretation => _module.PhotometricInterpretation;

    /// <summary>Whether the minimum value is meant to display white; the frame methods never invert on their own.</summary>
    public bool IsMonochrome1 => _module.PhotometricInterpretation == DicomPhotometricInterpretation.Monochrome1;

    /// <summary>Whether pixels are grey levels (MONOCHROME1 or MONOCHROME2), so modality values apply.</summary>
    public bool IsGrayscale => _module.PhotometricInterpretation is DicomPhotometricInterpretation.Monochrome1 or DicomPhotometricInterpretation.Monochrome2;

    /// <summary>The stored order of colour samples; RLE frames are decoded the same way whatever it is.</summary>
    public DicomPlanarConfiguration PlanarConfiguration => _module.PlanarConfiguration;

    /// <summary>Number of Frames (0028,0008), or 1 where absent.</summary>
    public int FrameCount => _module.FrameCount;

    /// <summary>The top-level Rescale Slope (0028,1053), or 1 where absent; an enhanced image's frames may have their own (see <see cref="GetFrameRescale"/>).</summary>
    public double RescaleSlope => _module.RescaleSlope;

    /// <summary>The top-level Rescale Intercept (0028,1052), or 0 where absent; an enhanced image's frames may have their own (see <see cref="GetFrameRescale"/>).</summary>
    public double RescaleIntercept => _module.RescaleIntercept;

    /// <summary>Values in one decoded frame: Rows × Columns × Samples per Pixel.</summary>
    public int FrameValueCount => _module.FrameValueCount;

    /// <summary>
    /// The element type of stored-value frames: byte for 1-bit and unsigned 8-bit data, then
    /// sbyte, ushort, short, uint or int by Bits Allocated and Pixel Representation.
    /// </summary>
    public Type StoredValueType => (BitsAllocated, IsSigned) switch
    {
        (1, _) or (8, false) => typeof(byte),
        (8, true) => typeof(sbyte),
        (16, false) => typeof(ushort),
        (16, true) => typeof(short),
        (32, false) => typeof(uint),
        _ => typeof(int),
    };

    private void CheckFrameIndex(int frameIndex)
    {
        if (frameIndex < 0 || frameIndex >= FrameCount)
        {
            throw new ArgumentOutOfRangeException(nameof(frameIndex), frameIndex, $"Frame index {frameIndex} is invalid: the pixel data contains {FrameCount} frame(s), numbered from 0.");
        }
    }

    private void CheckDestination(int length, string parameterName)
    {
        if (length < FrameValueCount)
        {
            throw new ArgumentException($"The destination has room for {length} values, fewer than the {FrameValueCount} of one frame; pass a span of at least FrameValueCount.", parameterName);
        }
    }
}
