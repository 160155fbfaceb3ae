using System.Buffers.Binary;
using System.Text;

namespace Node.Dicom.Tests.Support;

/// <summary>
/// Builds DICOM input byte by byte, so a test states exactly the encoding it feeds the reader,
/// faults included, without going through our writer. Element headers follow PS3.5 7.1: tag,
/// then in Explicit VR the two VR letters and a 16-bit length, or two reserved bytes and a
/// 32-bit length for the long-header VRs. In Implicit VR a 32-bit length follows the tag.
/// </summary>
internal sealed class DicomBytes
{
    public const uint UndefinedLength = 0xFFFFFFFF;

    private const int PreambleLength = 128;

    /// <summary>VRs whose Explicit VR header has reserved bytes and a 32-bit length (PS3.5 Table 7.1-1).</summary>
    private static readonly HashSet<string> LongHeaderVRs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];

    private readonly MemoryStream _bytes = new();

    /// <summary>Writes numbers most significant byte first, as Explicit VR Big Endian does.</summary>
    public bool BigEndian { get; init; }

    public long Length => _bytes.Length;

    /// <summary>Returns text bytes padded to even length with <paramref name="padding"/>.</summary>
    public static byte[] Text(string text, char padding = ' ')
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        return bytes.Length % 2 == 0 ? bytes : [.. bytes, (byte)padding];
    }

    public static byte[] UInt16Value(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return bytes;
    }

    /// <summary>Appends a zero preamble of 128 bytes and the "DICM" prefix.</summary>
    public DicomBytes Preamble()
    {
        _bytes.Write(new byte[PreambleLength]);
        return Prefix();
    }

    public DicomBytes Prefix()
    {
        _bytes.Write("DICM"u8);
        return this;
    }

    /// <summary>
    /// Appends file meta information in Explicit VR Little Endian with its group length:
    /// version, SOP class and instance, the transfer syntax where given, and an implementation
    /// class UID, then <paramref name="moreElements"/>. The transfer syntax UID is padded with
    /// <paramref name="uidPadding"/>.
    /// </summary>
    public DicomBytes FileMeta(string? transferSyntaxUid, char uidPadding = '\0', byte[]? moreElements = null)
    {
        const string sopClassUid = "1.2.840.10008.5.1.4.1.1.7";
        const string sopInstanceUid = "1.2.3.4.5.6";
        var body = new DicomBytes()
            .Explicit(0x0002, 0x0001, "OB", [0x00, 0x01])
            .Explicit(0x0002, 0x0002, "UI", Text(sopClassUid, '\0'))
            .Explicit(0x0002, 0x0003, "UI", Text(sopInstanceUid, '\0'));
        if (transferSyntaxUid is not null)
        {
            body.Explicit(0x0002, 0x0010, "UI", Text(transferSyntaxUid, uidPadding));
        }

        body.Explicit(0x0002, 0x0012, "UI", Text("1.2.3.999", '\0')).Raw(moreElements ?? []);
        var groupLength = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(groupLength, (uint)body.Length);
        Explicit(0x0002, 0x0000, "UL", groupLength, littleEndian: true);
        return Raw(body.ToArray());
    }

    /// <summary>Appends an Explicit VR element whose value is already in the byte order of this builder.</summary>
    public DicomBytes Explicit(ushort group, ushort element, string vr, byte[] value) =>
        Explicit(group, element, vr, value, littleEndian: !BigEndian);

    /// <summary>Appends an Explicit VR header with any length, for undefined lengths and lying lengths.</summary>
    public DicomBytes ExplicitHeader(ushort group, ushort element, string vr, uint length) =>
        ExplicitHeader(group, element, vr, length, littleEndian: !BigEndian);

    public DicomBytes Implicit(ushort group, ushort element, byte[] value) =>
        ImplicitHeader(group, element, (uint)value.Length).Raw(value);

    public DicomBytes ImplicitHeader(ushort group, ushort element, uint length)
    {
        Tag(group, element, !BigEndian);
        return UInt32(length, !BigEndian);
    }

    /// <summary>Appends an Item (FFFE,E000) header; its length is a byte count or <see cref="UndefinedLength"/>.</summary>
    public DicomBytes Item(uint length = UndefinedLength) => ItemHeader(0xE000, length);

    public DicomBytes ItemDelimiter() => ItemHeader(0xE00D, 0);

    public DicomBytes SequenceDelimiter() => ItemHeader(0xE0DD, 0);

    public DicomBytes Raw(ReadOnlySpan<byte> bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();

    private DicomBytes Explicit(ushort group, ushort element, string vr, byte[] value, bool littleEndian) =>
        ExplicitHeader(group, element, vr, (uint)value.Length, littleEndian).Raw(value);

    private DicomBytes ExplicitHeader(ushort group, ushort element, string vr, uint length, bool littleEndian)
    {
        Tag(group, element, littleEndian);
        _bytes.Write(Encoding.ASCII.GetBytes(vr));
        if (!LongHeaderVRs.Contains(vr))
        {
            return UInt16((ushort)length, littleEndian);
        }

        UInt16(0, littleEndian);
        return UInt32(length, littleEndian);
    }

    private DicomBytes ItemHeader(ushort element, uint length)
    {
        Tag(0xFFFE, element, !BigEndian);
        return UInt32(length, !BigEndian);
    }

    private void Tag(ushort group, ushort element, bool littleEndian)
    {
        UInt16(group, littleEndian);
        UInt16(element, littleEndian);
    }

    private DicomBytes UInt16(ushort value, bool littleEndian)
    {
        Span<byte> bytes = stackalloc byte[2];
        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        }

        _bytes.Write(bytes);
        return this;
    }

    private DicomBytes UInt32(uint value, bool littleEndian)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        }

        _bytes.Write(bytes);
        return this;
    }
}
