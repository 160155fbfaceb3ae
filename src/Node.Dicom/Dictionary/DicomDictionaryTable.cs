using System.Collections.ObjectModel;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Dictionary;

/// <summary>
/// Parses the generated entry table of <see cref="DicomDictionary"/>: one line per entry,
/// "tag|keyword|name|VRs|VM|retired", for example "(60xx,3000)|OverlayData|Overlay Data|OB/OW|1|".
/// </summary>
/// <remarks>
/// The table is text because it loads fast. One measurement was made on a shared 2-core Linux
/// build machine (.NET 10, Release build). There the same entries written as 5,300 constructor
/// calls took 1.6 s to compile and run on first use. Parsing this text took 0.2 s, its own JIT
/// compilation included.
/// </remarks>
internal static class DicomDictionaryTable
{
    private const char FieldSeparator = '|';

    private const char VRSeparator = '/';

    private const string RetiredFlag = "retired";

    private const int FieldCount = 6;

    /// <summary>Characters of "(gggg,eeee)".</summary>
    private const int TagTextLength = 11;

    private const int GroupStart = 1;

    private const int ElementStart = 6;

    private const int HexDigitsInPart = 4;

    /// <exception cref="InvalidOperationException">A line breaks the table format, which means the generator has a bug.</exception>
    public static DicomDictionaryEntry[] Parse(string table)
    {
        var entries = new List<DicomDictionaryEntry>();
        var vrLists = new Dictionary<string, ReadOnlyCollection<DicomVR>>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var multiplicities = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Span<Range> fields = stackalloc Range[FieldCount + 1];
        var lineNumber = 0;
        foreach (var line in table.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (line.Split(fields, FieldSeparator) != FieldCount)
            {
                throw Malformed(lineNumber, $"expected {FieldCount} fields separated by '{FieldSeparator}'");
            }

            var (value, mask) = ParseTag(line[fields[0]], lineNumber);
            entries.Add(new DicomDictionaryEntry(
                DicomTag.FromValue(value),
                mask,
                line[fields[1]].ToString(),
                line[fields[2]].ToString(),
                GetVRList(vrLists, line[fields[3]], lineNumber),
                GetShared(multiplicities, line[fields[4]]),
                line[fields[5]].SequenceEqual(RetiredFlag)));
        }

        return [.. entries];
    }

    /// <summary>Parses "(gggg,eeee)" where an "x" digit is open: a zero digit in the value and in the mask.</summary>
    private static (uint Value, uint Mask) ParseTag(ReadOnlySpan<char> text, int lineNumber)
    {
        if (text.Length != TagTextLength || text[0] != '(' || text[ElementStart - 1] != ',' || text[^1] != ')')
        {
            throw Malformed(lineNumber, $"invalid tag '{text}'");
        }

        var (value, mask) = (0u, 0u);
        foreach (var start in (ReadOnlySpan<int>)[GroupStart, ElementStart])
        {
            foreach (var digit in text.Slice(start, HexDigitsInPart))
            {
                var isOpen = digit == 'x';
                var digitValue = isOpen ? 0 : HexDigitValue(digit);
                if (digitValue < 0)
                {
                    throw Malformed(lineNumber, $"invalid tag '{text}'");
                }

                value = (value << 4) | (uint)digitValue;
                mask = (mask << 4) | (isOpen ? 0u : 0xFu);
            }
        }

        return (value, mask);
    }

    /// <summary>Returns the value of an upper-case hex digit, or -1 for any other character.</summary>
    private static int HexDigitValue(char digit) => digit switch
    {
        >= '0' and <= '9' => digit - '0',
        >= 'A' and <= 'F' => digit - 'A' + 10,
        _ => -1,
    };

    /// <summary>Returns the read-only VR list for "OB/OW"-style text, one shared list per combination.</summary>
    private static ReadOnlyCollection<DicomVR> GetVRList(
        Dictionary<string, ReadOnlyCollection<DicomVR>>.AlternateLookup<ReadOnlySpan<char>> vrLists,
        ReadOnlySpan<char> text,
        int lineNumber)
    {
        if (vrLists.TryGetValue(text, out var shared))
        {
            return shared;
        }

        var codes = text.ToString().Split(VRSeparator, StringSplitOptions.RemoveEmptyEntries);
        var vrList = new DicomVR[codes.Length];
        for (var index = 0; index < codes.Length; index++)
        {
            if (!DicomVR.TryParse(codes[index], out vrList[index]))
            {
                throw Malformed(lineNumber, $"unknown VR '{codes[index]}'");
            }
        }

        shared = Array.AsReadOnly(vrList);
        vrLists[text] = shared;
        return shared;
    }

    private static string GetShared(Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> strings, ReadOnlySpan<char> text)
    {
        if (!strings.TryGetValue(text, out var shared))
        {
            shared = text.ToString();
            strings[text] = shared;
        }

        return shared;
    }

    private static InvalidOperationException Malformed(int lineNumber, string reason) =>
        new($"The generated dictionary table is malformed at line {lineNumber}: {reason}. Regenerate it with tools/Node.Dicom.Generator.");
}
