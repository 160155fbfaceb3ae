using System.Buffers.Binary;
using System.Text;

namespace Node.Dicom.Tests.Robustness;

/// <summary>
/// Walks a well-formed DICOM file and lists its fields (tags, VRs, lengths, values, items,
/// fragments) by offset, so that mutations can aim at a kind of field and truncations can cut
/// at every kind of boundary. It is written apart from the library's reader on purpose; it
/// trusts its input and stops quietly where the bytes run out.
/// </summary>
internal sealed class LayoutScanner
{
    private const uint UndefinedLength = 0xFFFFFFFF;
    private const int PreambleLength = 128;
    private const ushort ItemGroup = 0xFFFE;
    private const ushort ItemElement = 0xE000;
    private const ushort ItemDelimiterElement = 0xE00D;
    private const ushort SequenceDelimiterElement = 0xE0DD;

    /// <summary>VRs whose Explicit VR header has reserved bytes and a 32-bit length (PS3.5 Table 7.1-1).</summary>
    private static readonly HashSet<string> LongHeaderVRs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];

    private readonly byte[] _bytes;
    private readonly List<LayoutField> _fields = [];
    private bool _bigEndian;

    private LayoutScanner(byte[] bytes)
    {
        _bytes = bytes;
    }

    /// <summary>
    /// Lists the preamble, the file meta information and, where <paramref name="scanDataset"/>,
    /// the data set in the given encoding. <paramref name="datasetOffset"/> is where the meta
    /// information ends.
    /// </summary>
    public static List<LayoutField> ScanFile(byte[] file, bool explicitVR, bool bigEndian, bool scanDataset, out int datasetOffset)
    {
        var scanner = new LayoutScanner(file);
        datasetOffset = scanner.ScanHeader();
        if (scanDataset)
        {
            scanner._bigEndian = bigEndian;
            scanner.ScanElements(datasetOffset, -1, explicitVR);
        }

        return scanner._fields;
    }

    /// <summary>Lists the fields of a bare data set that starts at <paramref name="offset"/>.</summary>
    public static List<LayoutField> ScanDataset(byte[] bytes, int offset, bool explicitVR, bool bigEndian)
    {
        var scanner = new LayoutScanner(bytes) { _bigEndian = bigEndian };
        scanner.ScanElements(offset, -1, explicitVR);
        return scanner._fields;
    }

    private int ScanHeader()
    {
        var position = 0;
        if (_bytes.Length >= PreambleLength + 4 && _bytes.AsSpan(PreambleLength, 4).SequenceEqual("DICM"u8))
        {
            Add(0, PreambleLength, FieldKind.Preamble);
            Add(PreambleLength, 4, FieldKind.Prefix);
            position = PreambleLength + 4;
        }

        while (position + 8 <= _bytes.Length && BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(position)) == 0x0002)
        {
            position = ScanElement(position, explicitVR: true);
        }

        return position;
    }

    /// <summary>Scans elements up to <paramref name="end"/>, or to an Item Delimitation Item where end is -1.</summary>
    private int ScanElements(int position, int end, bool explicitVR)
    {
        while ((end < 0 || position < end) && position + 8 <= _bytes.Length)
        {
            // Only an Item Delimitation Item can stand here in a well-formed file.
            if (ReadTag(position).Group == ItemGroup)
            {
                Add(position, 4, FieldKind.ItemTag);
                Add(position + 4, 4, FieldKind.ItemLength);
                return position + 8;
            }

            position = ScanElement(position, explicitVR);
        }

        return position;
    }

    private int ScanElement(int position, bool explicitVR)
    {
        var (group, element) = ReadTag(position);
        Add(position, 4, FieldKind.Tag);
        string? vr = null;
        uint length;
        int headerLength;
        if (explicitVR)
        {
            vr = Encoding.ASCII.GetString(_bytes, position + 4, 2);
            Add(position + 4, 2, FieldKind.VR);
            if (LongHeaderVRs.Contains(vr))
            {
                Add(position + 6, 2, FieldKind.Reserved);
                Add(position + 8, 4, FieldKind.Length32);
                length = position + 12 <= _bytes.Length ? ReadUInt32(position + 8) : 0;
                headerLength = 12;
            }
            else
            {
                Add(position + 6, 2, FieldKind.Length16);
                length = ReadUInt16(position + 6);
                headerLength = 8;
            }
        }
        else
        {
            Add(position + 4, 4, FieldKind.Length32);
            length = ReadUInt32(position + 4);
            headerLength = 8;
        }

        var valueStart = position + headerLength;
        var isPixelData = group == 0x7FE0 && element == 0x0010;
        if (length == UndefinedLength)
        {
            if (vr == "SQ")
            {
                return ScanItems(valueStart, -1, explicitVR);
            }

            return isPixelData || vr is "OB" or "OW" ? ScanFragments(valueStart) : ScanItems(valueStart, -1, explicitVR: false);
        }

        var valueEnd = (int)Math.Min(_bytes.Length, valueStart + (long)length);
        if (vr == "SQ" || (!explicitVR && StartsWithItem(valueStart, valueEnd)))
        {
            ScanItems(valueStart, valueEnd, explicitVR);
        }
        else
        {
            Add(valueStart, valueEnd - valueStart, FieldKind.Value);
        }

        return valueEnd;
    }

    private int ScanItems(int position, int end, bool explicitVR)
    {
        while ((end < 0 || position < end) && position + 8 <= _bytes.Length)
        {
            var (group, element) = ReadTag(position);
            var length = ReadUInt32(position + 4);
            Add(position, 4, FieldKind.ItemTag);
            Add(position + 4, 4, FieldKind.ItemLength);
            position += 8;
            if (group != ItemGroup || element != ItemElement)
            {
                return position;
            }

            var itemEnd = length == UndefinedLength ? -1 : (int)Math.Min(_bytes.Length, position + (long)length);
            var afterElements = ScanElements(position, itemEnd, explicitVR);
            position = itemEnd < 0 ? afterElements : itemEnd;
        }

        return position;
    }

    private int ScanFragments(int position)
    {
        var kind = FieldKind.OffsetTableLength;
        while (position + 8 <= _bytes.Length)
        {
            var (_, element) = ReadTag(position);
            var length = ReadUInt32(position + 4);
            Add(position, 4, FieldKind.ItemTag);
            Add(position + 4, 4, element == ItemElement ? kind : FieldKind.ItemLength);
            position += 8;
            if (element != ItemElement)
            {
                return position;
            }

            var valueEnd = (int)Math.Min(_bytes.Length, position + (long)length);
            Add(position, valueEnd - position, FieldKind.Value);
            position = valueEnd;
            kind = FieldKind.FragmentLength;
        }

        return position;
    }

    private bool StartsWithItem(int start, int end) =>
        end - start >= 8 && ReadTag(start) == (ItemGroup, ItemElement);

    private void Add(int offset, int size, FieldKind kind)
    {
        if (offset + size <= _bytes.Length)
        {
            _fields.Add(new LayoutField(offset, size, kind));
        }
    }

    private (ushort Group, ushort Element) ReadTag(int position) => (ReadUInt16(position), ReadUInt16(position + 2));

    private ushort ReadUInt16(int position) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(_bytes.AsSpan(position)) : BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(position));

    private uint ReadUInt32(int position) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(_bytes.AsSpan(position)) : BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(position));
}
