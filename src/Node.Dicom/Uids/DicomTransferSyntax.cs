namespace Node.Dicom.Uids;

/// <summary>
/// A transfer syntax of PS3.5 section 10 and Annex A: how a data set is encoded (implicit or
/// explicit VR, byte order, deflate) and whether its pixel data is encapsulated.
/// </summary>
public sealed class DicomTransferSyntax : IEquatable<DicomTransferSyntax>
{
    private DicomTransferSyntax(string uid, string name, bool isExplicitVR, bool isBigEndian, bool isDeflated, bool isEncapsulated, bool isRetired = false)
    {
        Uid = uid;
        Name = name;
        IsExplicitVR = isExplicitVR;
        IsBigEndian = isBigEndian;
        IsDeflated = isDeflated;
        IsEncapsulated = isEncapsulated;
        IsRetired = isRetired;
    }

    public string Uid { get; }

    public string Name { get; }

    public bool IsExplicitVR { get; }

    /// <summary>True only for the retired Explicit VR Big Endian; group 0002 stays little endian even there.</summary>
    public bool IsBigEndian { get; }

    /// <summary>True where the data set after the file meta information is a raw DEFLATE stream (RFC 1951, no zlib header).</summary>
    public bool IsDeflated { get; }

    /// <summary>True where Pixel Data (7FE0,0010) is a sequence of fragments (PS3.5 A.4).</summary>
    public bool IsEncapsulated { get; }

    public bool IsRetired { get; }

    public static readonly DicomTransferSyntax ImplicitVRLittleEndian = new("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false);
    public static readonly DicomTransferSyntax ExplicitVRLittleEndian = new("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false);
    public static readonly DicomTransferSyntax EncapsulatedUncompressedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian", true, false, false, true);
    public static readonly DicomTransferSyntax DeflatedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false);
    public static readonly DicomTransferSyntax ExplicitVRBigEndian = new("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, false, false, isRetired: true);
    public static readonly DicomTransferSyntax RLELossless = Encapsulated("1.2.840.10008.1.2.5", "RLE Lossless");
    public static readonly DicomTransferSyntax JPEGBaseline8Bit = Encapsulated("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)");
    public static readonly DicomTransferSyntax JPEGExtended12Bit = Encapsulated("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 and 4)");
    public static readonly DicomTransferSyntax JPEGLossless = Encapsulated("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)");
    public static readonly DicomTransferSyntax JPEGLosslessSV1 = Encapsulated("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14, Selection Value 1)");
    public static readonly DicomTransferSyntax JPEGLSLossless = Encapsulated("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression");
    public static readonly DicomTransferSyntax JPEGLSNearLossless = Encapsulated("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression");
    public static readonly DicomTransferSyntax JPEG2000Lossless = Encapsulated("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)");
    public static readonly DicomTransferSyntax JPEG2000 = Encapsulated("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression");

    /// <summary>Every transfer syntax of the standard's registry (PS3.6 Table A-1), retired ones included.</summary>
    public static IReadOnlyList<DicomTransferSyntax> All { get; } = BuildRegistry();

    private static readonly Dictionary<string, DicomTransferSyntax> ByUid = All.ToDictionary(ts => ts.Uid, StringComparer.Ordinal);

    /// <summary>Finds a registered transfer syntax; trailing NUL and space padding is ignored.</summary>
    public static DicomTransferSyntax? Find(string? uid)
    {
        if (uid is null)
        {
            return null;
        }

        return ByUid.GetValueOrDefault(uid.TrimEnd('\0', ' '));
    }

    public bool Equals(DicomTransferSyntax? other) => other is not null && other.Uid == Uid;

    public override bool Equals(object? obj) => Equals(obj as DicomTransferSyntax);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Uid);

    public override string ToString() => $"{Name} ({Uid})";

    private static DicomTransferSyntax Encapsulated(string uid, string name, bool isRetired = false) =>
        new(uid, name, true, false, false, true, isRetired);

    private static DicomTransferSyntax[] BuildRegistry()
    {
        var list = new List<DicomTransferSyntax>
        {
            ImplicitVRLittleEndian, ExplicitVRLittleEndian, EncapsulatedUncompressedExplicitVRLittleEndian,
            DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian, RLELossless, JPEGBaseline8Bit, JPEGExtended12Bit,
            JPEGLossless, JPEGLosslessSV1, JPEGLSLossless, JPEGLSNearLossless, JPEG2000Lossless, JPEG2000,
            Encapsulated("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)"),
            Encapsulated("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression"),
            new("1.2.840.10008.1.2.4.94", "JPIP Referenced", true, false, false, false),
            new("1.2.840.10008.1.2.4.95", "JPIP Referenced Deflate", true, false, true, false),
            Encapsulated("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level"),
            Encapsulated("1.2.840.10008.1.2.4.100.1", "Fragmentable MPEG2 Main Profile / Main Level"),
            Encapsulated("1.2.840.10008.1.2.4.101", "MPEG2 Main Profile / High Level"),
            Encapsulated("1.2.840.10008.1.2.4.101.1", "Fragmentable MPEG2 Main Profile / High Level"),
            Encapsulated("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1"),
            Encapsulated("1.2.840.10008.1.2.4.102.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.1"),
            Encapsulated("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1"),
            Encapsulated("1.2.840.10008.1.2.4.103.1", "Fragmentable MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1"),
            Encapsulated("1.2.840.10008.1.2.4.104", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video"),
            Encapsulated("1.2.840.10008.1.2.4.104.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video"),
            Encapsulated("1.2.840.10008.1.2.4.105", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video"),
            Encapsulated("1.2.840.10008.1.2.4.105.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video"),
            Encapsulated("1.2.840.10008.1.2.4.106", "MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2"),
            Encapsulated("1.2.840.10008.1.2.4.106.1", "Fragmentable MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2"),
            Encapsulated("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1"),
            Encapsulated("1.2.840.10008.1.2.4.108", "HEVC/H.265 Main 10 Profile / Level 5.1"),
            Encapsulated("1.2.840.10008.1.2.4.110", "JPEG XL Lossless"),
            Encapsulated("1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression"),
            Encapsulated("1.2.840.10008.1.2.4.112", "JPEG XL"),
            Encapsulated("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)"),
            Encapsulated("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)"),
            Encapsulated("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression"),
            new("1.2.840.10008.1.2.4.204", "JPIP HTJ2K Referenced", true, false, false, false),
            new("1.2.840.10008.1.2.4.205", "JPIP HTJ2K Referenced Deflate", true, false, true, false),
            Encapsulated("1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression"),
        };

        // Retired JPEG processes 2 to 29 other than those above (PS3.6 Table A-1 marks them retired).
        foreach (var process in new[] { 52, 53, 54, 55, 56, 58, 59, 60, 61, 62, 63, 64, 65, 66 })
        {
            list.Add(Encapsulated($"1.2.840.10008.1.2.4.{process}", $"JPEG (retired process, 1.2.840.10008.1.2.4.{process})", isRetired: true));
        }

        return [.. list];
    }
}
