using System.Text.RegularExpressions;
using Node.Dicom.Dictionary;
using Node.Dicom.Tags;
using NUnit.Framework;

namespace Node.Dicom.Tests.Dictionary;

/// <summary>
/// Compares the dictionary with the one DCMTK installs (/usr/share/libdcmtk*/dicom.dic), an
/// independent reading of PS3.6. Only elements that DCMTK does not mark retired are compared.
/// </summary>
[TestFixture]
public sealed partial class DicomDictionaryDcmtkTests
{
    /// <summary>The PS3.6 edition of DCMTK's dictionary that the generated dictionary includes.</summary>
    private const string GeneratedFromEdition = "2026b";

    private const string RetiredVersion = "DICOM/retired";

    /// <summary>Version column values of DCMTK rows that state a rule for a class of tags, not an element.</summary>
    private static readonly string[] RuleVersions = ["GENERIC", "PRIVATE", "ILLEGAL"];

    /// <summary>
    /// DCMTK's pseudo VRs, as the header of its dicom.dic defines them. Both ox and px (Pixel Data)
    /// are OB or OW, xs is US or SS, and lt is US, SS or OW. The VR up is UL holding a file offset,
    /// and na means no VR.
    /// </summary>
    private static readonly Dictionary<string, string[]> PseudoVRs = new(StringComparer.Ordinal)
    {
        ["ox"] = ["OB", "OW"],
        ["xs"] = ["US", "SS"],
        ["lt"] = ["US", "SS", "OW"],
        ["px"] = ["OB", "OW"],
        ["up"] = ["UL"],
        ["na"] = [],
    };

    [Test]
    [Description("An element of both dictionaries must allow at least one common VR, or a reader and DCMTK would disagree on the data.")]
    public void Dictionary_VRs_agree_with_DCMTK()
    {
        var rows = ReadDcmtkRows();
        var disagreements = new List<string>();
        foreach (var row in rows)
        {
            if (!DicomDictionary.TryFind(row.Tag, out var entry) || entry == DicomDictionary.PrivateCreator || entry == DicomDictionary.GroupLength)
            {
                continue;
            }

            var ours = entry.ValueRepresentations.Select(vr => vr.Code).ToHashSet(StringComparer.Ordinal);
            var theirs = PseudoVRs.TryGetValue(row.VR, out var codes) ? codes : [row.VR];
            var agree = ours.Count == 0 && theirs.Length == 0 || theirs.Any(ours.Contains);
            if (!agree)
            {
                disagreements.Add($"{row.Tag} {row.Keyword}: DCMTK {row.VR}, ours {string.Join('/', ours)}");
            }
        }

        Assert.That(rows, Has.Count.GreaterThan(4000), "DCMTK rows compared");
        Assert.That(disagreements, Is.Empty);
    }

    [Test]
    [Description("Catches elements lost while merging the sources. Skipped when DCMTK's dictionary is newer than ours.")]
    public void Dictionary_holds_every_current_DCMTK_element()
    {
        var path = FindDcmtkDictionaryOrStop();
        var edition = Edition().Match(File.ReadAllText(path)).Groups[1].Value;
        if (string.CompareOrdinal(edition, GeneratedFromEdition) > 0)
        {
            Assert.Ignore($"DCMTK's dictionary is of PS3.6 {edition}, newer than our {GeneratedFromEdition}; regenerate the dictionary.");
        }

        var missing = ReadDcmtkRows()
            .Where(row => !DicomDictionary.TryFind(row.Tag, out _))
            .Select(row => $"{row.Tag} {row.Keyword}");

        Assert.That(missing, Is.Empty);
    }

    /// <summary>Reads the exact-tag rows of elements that DCMTK does not mark retired.</summary>
    private static List<(DicomTag Tag, string VR, string Keyword)> ReadDcmtkRows()
    {
        var rows = new List<(DicomTag Tag, string VR, string Keyword)>();
        foreach (var line in File.ReadLines(FindDcmtkDictionaryOrStop()))
        {
            var columns = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
            if (line.StartsWith('#') || columns.Length != 5 || columns[4] == RetiredVersion || RuleVersions.Contains(columns[4]))
            {
                continue;
            }

            if (ExactTag().IsMatch(columns[0]))
            {
                rows.Add((DicomTag.Parse(columns[0]), columns[1], columns[2]));
            }
        }

        return rows;
    }

    private static string FindDcmtkDictionaryOrStop()
    {
        var path = DictionaryPeers.FindDcmtkDictionary();
        if (path is null)
        {
            DictionaryPeers.ReportMissing("DCMTK's data dictionary (/usr/share/libdcmtk*/dicom.dic)", DictionaryPeers.DcmtkInstallCommand);
        }

        return path!;
    }

    [GeneratedRegex(@"^\([0-9A-F]{4},[0-9A-F]{4}\)$")]
    private static partial Regex ExactTag();

    [GeneratedRegex(@"PS ?3\.6-(\d{4}[a-z])")]
    private static partial Regex Edition();
}
