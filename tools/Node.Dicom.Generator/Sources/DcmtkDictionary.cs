using System.Globalization;
using System.Text.RegularExpressions;

namespace Node.Dicom.Generator.Sources;

/// <summary>
/// DCMTK's dicom.dic: one tab-separated row per element with the columns tag, VR, keyword, VM and
/// version. Retired keywords carry the prefix "RETIRED_". Repeating tags are written as ranges
/// such as (6000-60FF,3000). DCMTK writes its own lower-case pseudo VRs where the standard allows
/// several, which <see cref="PseudoVRs"/> spells out.
/// </summary>
internal sealed partial class DcmtkDictionary
{
    public const string FileName = "dcmtk-dicom.dic";

    /// <summary>The version column of retired elements.</summary>
    public const string RetiredVersion = "DICOM/retired";

    private const string RetiredKeywordPrefix = "RETIRED_";

    private const int ColumnCount = 5;

    /// <summary>
    /// DCMTK's pseudo VRs as the header of dicom.dic defines them: ox is OB or OW, xs is US or SS,
    /// lt is US, SS or OW (LUT data), px is Pixel Data (OB or OW), up is UL holding a file offset,
    /// and na is no VR (item and delimitation tags).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> PseudoVRs = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["ox"] = ["OB", "OW"],
        ["xs"] = ["US", "SS"],
        ["lt"] = ["US", "SS", "OW"],
        ["px"] = ["OB", "OW"],
        ["up"] = ["UL"],
        ["na"] = [],
    };

    /// <summary>Version column values of rows that state a rule for a whole class of tags, not an element.</summary>
    private static readonly HashSet<string> RuleVersions = new(StringComparer.Ordinal) { "GENERIC", "PRIVATE", "ILLEGAL" };

    private DcmtkDictionary(string edition, IReadOnlyList<DcmtkRow> rows)
    {
        Edition = edition;
        Rows = rows;
    }

    /// <summary>The edition of PS3.6 the file was made from, as its header states, for example "2026b".</summary>
    public string Edition { get; }

    /// <summary>The element rows, without the GENERIC, PRIVATE and ILLEGAL rule rows.</summary>
    public IReadOnlyList<DcmtkRow> Rows { get; }

    public static DcmtkDictionary Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var edition = lines.Select(line => EditionLine().Match(line)).FirstOrDefault(match => match.Success)?.Groups[1].Value
            ?? throw new InvalidDataException($"{path}: no header line names the PS3.6 edition.");
        var rows = lines
            .Select((line, index) => (Line: line, Number: index + 1))
            .Where(item => item.Line.Length > 0 && !item.Line.StartsWith('#'))
            .Select(item => ParseRow(item.Line, item.Number))
            .Where(row => !RuleVersions.Contains(row.Version))
            .ToList();
        return new DcmtkDictionary(edition, rows);
    }

    private static DcmtkRow ParseRow(string line, int lineNumber)
    {
        var columns = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
        var context = $"{FileName} line {lineNumber}";
        if (columns.Length != ColumnCount)
        {
            throw new InvalidDataException($"{context}: expected {ColumnCount} tab-separated columns, found {columns.Length}.");
        }

        var (tagText, vr, keyword, valueMultiplicity, version) = (columns[0], columns[1], columns[2], columns[3], columns[4]);
        var valueRepresentations = PseudoVRs.TryGetValue(vr, out var codes) ? codes : [vr];
        return new DcmtkRow(
            tagText,
            ParsePattern(tagText, context),
            ValueRepresentationCodes.Check(valueRepresentations, context),
            SourceText.CheckKeyword(keyword.StartsWith(RetiredKeywordPrefix, StringComparison.Ordinal) ? keyword[RetiredKeywordPrefix.Length..] : keyword, context),
            valueMultiplicity,
            version);
    }

    /// <summary>
    /// Converts "(gggg,eeee)" or a range such as "(6000-60FF,3000)" to a pattern. Returns null for
    /// an odd-only or all-groups range and for a range whose open digits are not whole hex digits,
    /// which a mask cannot express.
    /// </summary>
    private static TagPattern? ParsePattern(string tagText, string context)
    {
        var match = TagRange().Match(tagText);
        if (!match.Success)
        {
            throw new InvalidDataException($"{context}: invalid tag '{tagText}'.");
        }

        var group = ParseRange(match.Groups["group"].Value);
        var element = ParseRange(match.Groups["element"].Value);
        if (group is null || element is null)
        {
            return null;
        }

        return new TagPattern((group.Value.Value << 16) | element.Value.Value, (group.Value.Mask << 16) | element.Value.Mask);
    }

    private static (uint Value, uint Mask)? ParseRange(string range)
    {
        var bounds = range.Split('-');
        var low = uint.Parse(bounds[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (bounds.Length == 1)
        {
            return (low, 0xFFFF);
        }

        if (bounds.Length != 2)
        {
            return null;
        }

        var high = uint.Parse(bounds[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        var openBits = low ^ high;
        var isWholeDigits = Enumerable.Range(0, 4).All(digit => ((openBits >> (digit * 4)) & 0xF) is 0 or 0xF);
        if (!isWholeDigits || (low & openBits) != 0 || (high & openBits) != openBits)
        {
            return null;
        }

        return (low, ~openBits & 0xFFFF);
    }

    [GeneratedRegex(@"PS ?3\.6-(\d{4}[a-e])")]
    private static partial Regex EditionLine();

    [GeneratedRegex(@"^\((?<group>[0-9A-F]{4}(-([ou]-)?[0-9A-F]{4})?),(?<element>[0-9A-F]{4}(-([ou]-)?[0-9A-F]{4})?)\)$")]
    private static partial Regex TagRange();
}
