using System.Text;
using Node.Dicom.Generator.Sources;

namespace Node.Dicom.Generator.Merging;

/// <summary>
/// Merges the fo-dicom UID registry with the transfer syntaxes registered after its edition and
/// with Innolitics' storage SOP classes, and decides which SOP classes are storage classes.
/// </summary>
internal static class UidMerger
{
    private const string TransferSyntaxType = "TransferSyntax";

    private const string SopClassType = "SopClass";

    /// <summary>
    /// Transfer syntaxes that PS3.6 registered after the 2024c edition of the fo-dicom file: JPEG
    /// XL (2024) and Deflated Image Frame Compression (2025). Added only where the source lacks them.
    /// </summary>
    private static readonly UidRow[] LaterTransferSyntaxes =
    [
        new("1.2.840.10008.1.2.4.110", "JPEGXLLossless", "JPEG XL Lossless", TransferSyntaxType, false),
        new("1.2.840.10008.1.2.4.111", "JPEGXLJPEGRecompression", "JPEG XL JPEG Recompression", TransferSyntaxType, false),
        new("1.2.840.10008.1.2.4.112", "JPEGXL", "JPEG XL", TransferSyntaxType, false),
        new("1.2.840.10008.1.2.8.1", "DeflatedImageFrameCompression", "Deflated Image Frame Compression", TransferSyntaxType, false),
    ];

    /// <summary>Name endings removed before a SOP class name is tested for the ending "Storage".</summary>
    private static readonly string[] NameSuffixes = [" (Retired)", " - Trial", " SOP Class", " - For Presentation", " - For Processing"];

    public static UidMergeResult Merge(IReadOnlyList<UidRow> foDicomRows, IReadOnlyList<InnoliticsSop> storageSops, TextWriter log)
    {
        var rows = foDicomRows.ToDictionary(row => row.Uid, StringComparer.Ordinal);
        foreach (var transferSyntax in LaterTransferSyntaxes.Where(row => rows.TryAdd(row.Uid, row)))
        {
            log.WriteLine($"added transfer syntax {transferSyntax.Uid} {transferSyntax.Keyword}.");
        }

        foreach (var sop in storageSops.Where(sop => !rows.ContainsKey(sop.Id)))
        {
            var row = new UidRow(sop.Id, KeywordFromName(sop.Name), SourceText.NormalizeName(sop.Name), SopClassType, false);
            rows.Add(row.Uid, row);
            log.WriteLine($"{InnoliticsSops.FileName}: added SOP class {row.Uid} {row.Keyword}.");
        }

        CheckKeywordsAreUnique(rows.Values);
        var innoliticsUids = storageSops.Select(sop => sop.Id).ToHashSet(StringComparer.Ordinal);
        var storageUids = rows.Values
            .Where(row => row.TypeName == SopClassType && (IsStorageName(row.Name) || innoliticsUids.Contains(row.Uid)))
            .Select(row => row.Uid)
            .ToHashSet(StringComparer.Ordinal);
        log.WriteLine($"{rows.Count} UIDs, {storageUids.Count} storage SOP classes.");
        return new UidMergeResult([.. rows.Values.OrderBy(row => row.Uid, UidComparer.Instance)], storageUids);
    }

    private static bool IsStorageName(string name)
    {
        var trimmed = true;
        while (trimmed)
        {
            var suffix = NameSuffixes.FirstOrDefault(suffix => name.EndsWith(suffix, StringComparison.Ordinal));
            trimmed = suffix is not null;
            name = trimmed ? name[..^suffix!.Length] : name;
        }

        return name.EndsWith("Storage", StringComparison.Ordinal);
    }

    /// <summary>Makes a keyword from a SOP class name as PS3.6 does: each word capitalised, other characters dropped.</summary>
    private static string KeywordFromName(string name)
    {
        var keyword = new StringBuilder();
        foreach (var word in name.Split(' ', '-', '/', '(', ')', ',', '&'))
        {
            var letters = new string(word.Where(char.IsAsciiLetterOrDigit).ToArray());
            if (letters.Length > 0)
            {
                keyword.Append(char.ToUpperInvariant(letters[0])).Append(letters[1..]);
            }
        }

        return SourceText.CheckKeyword(keyword.ToString(), $"{InnoliticsSops.FileName} SOP class '{name}'");
    }

    private static void CheckKeywordsAreUnique(IEnumerable<UidRow> rows)
    {
        var duplicate = rows.GroupBy(row => row.Keyword, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"UID keyword {duplicate.Key} names {string.Join(" and ", duplicate.Select(row => row.Uid))}.");
        }
    }
}
