using Node.Dicom.Generator.Sources;

namespace Node.Dicom.Generator.Merging;

/// <summary>
/// Merges DCMTK's newer dictionary into the fo-dicom rows. DCMTK adds the elements the older
/// fo-dicom edition lacks and decides the retired flag and the keyword where the two differ; the
/// fo-dicom rows keep their names, VRs and VMs.
/// </summary>
internal static class TagMerger
{
    public static IReadOnlyList<TagRow> Merge(IReadOnlyList<TagRow> foDicomRows, IReadOnlyList<DcmtkRow> dcmtkRows, TextWriter log)
    {
        var rows = foDicomRows.ToDictionary(row => row.Pattern);
        var patternsByKeyword = foDicomRows.ToDictionary(row => row.Keyword, row => row.Pattern, StringComparer.Ordinal);
        var repeating = foDicomRows.Where(row => !row.Pattern.IsExact).ToList();
        var (added, covered) = (0, 0);

        foreach (var dcmtkRow in dcmtkRows)
        {
            var existing = FindExisting(dcmtkRow, rows, patternsByKeyword);
            if (existing is not null)
            {
                rows[existing.Pattern] = Update(existing, dcmtkRow, patternsByKeyword, log);
                continue;
            }

            // fo-dicom writes some ranges as one repeating tag, for example (0028,04x0) for
            // DCMTK's (0028,0410), and (1000,xxx0) for (1000,0010).
            if (dcmtkRow.Pattern is { IsExact: true } exact && repeating.Any(row => row.Pattern.Covers(exact.Value)))
            {
                covered++;
                continue;
            }

            var row = CreateRow(dcmtkRow);
            AddKeyword(patternsByKeyword, row);
            rows.Add(row.Pattern, row);
            added++;
        }

        log.WriteLine($"{DcmtkDictionary.FileName}: added {added} elements; skipped {covered} that a repeating tag of {FoDicomDictionary.FileName} covers.");
        return [.. rows.Values.OrderBy(row => row.Pattern.Value).ThenBy(row => row.Pattern.Mask)];
    }

    /// <summary>Finds the fo-dicom row for an exact DCMTK tag by tag, and for a DCMTK range by keyword.</summary>
    private static TagRow? FindExisting(DcmtkRow dcmtkRow, Dictionary<TagPattern, TagRow> rows, Dictionary<string, TagPattern> patternsByKeyword)
    {
        if (dcmtkRow.Pattern is { IsExact: true } exact)
        {
            return rows.GetValueOrDefault(exact);
        }

        return patternsByKeyword.TryGetValue(dcmtkRow.Keyword, out var pattern) && !pattern.IsExact ? rows[pattern] : null;
    }

    private static TagRow Update(TagRow row, DcmtkRow dcmtkRow, Dictionary<string, TagPattern> patternsByKeyword, TextWriter log)
    {
        if (row.IsRetired != dcmtkRow.IsRetired)
        {
            log.WriteLine($"{DcmtkDictionary.FileName}: {row.Pattern} {row.Keyword} retired {row.IsRetired} -> {dcmtkRow.IsRetired}.");
            row = row with { IsRetired = dcmtkRow.IsRetired };
        }

        if (row.Keyword != dcmtkRow.Keyword)
        {
            log.WriteLine($"{DcmtkDictionary.FileName}: {row.Pattern} keyword {row.Keyword} -> {dcmtkRow.Keyword}.");
            patternsByKeyword.Remove(row.Keyword);
            row = row with { Keyword = dcmtkRow.Keyword };
            AddKeyword(patternsByKeyword, row);
        }

        return row;
    }

    private static TagRow CreateRow(DcmtkRow dcmtkRow)
    {
        var pattern = dcmtkRow.Pattern
            ?? throw new InvalidDataException($"{DcmtkDictionary.FileName}: the range {dcmtkRow.TagText} ({dcmtkRow.Keyword}) is new and a mask cannot express it.");
        return new TagRow(
            pattern,
            dcmtkRow.Keyword,
            KeywordNames.ToName(dcmtkRow.Keyword),
            dcmtkRow.ValueRepresentations,
            dcmtkRow.ValueMultiplicity,
            dcmtkRow.IsRetired);
    }

    private static void AddKeyword(Dictionary<string, TagPattern> patternsByKeyword, TagRow row)
    {
        if (!patternsByKeyword.TryAdd(row.Keyword, row.Pattern))
        {
            throw new InvalidDataException($"Keyword {row.Keyword} names both {patternsByKeyword[row.Keyword]} and {row.Pattern}.");
        }
    }
}
