using System.Globalization;
using Node.Reports.Sr;

namespace Node.Reports.Evaluation;

/// <summary>
/// Looks for the two ways probabilities are known to be damaged before they reach the PACS:
/// rounded to a coarse grid, or replaced by the study-level "any finding" value.
/// </summary>
public static class DamageChecks
{
    /// <summary>Studies in which a finding must equal the "any finding" value to be flagged, as a fraction of those with both.</summary>
    public const double AnyFindingShare = 0.95;

    /// <summary>Values this close to a grid point count as on it; a double keeps 0.57 within 1e-16 of 57/100.</summary>
    private const double GridTolerance = 1e-9;

    private const double HundredthsPerUnit = 100.0;

    /// <summary>Values this close count as equal; the node writes a finding and the any-finding value from one double.</summary>
    private const double EqualityTolerance = 1e-12;

    /// <summary>Returns the findings all of whose values (two or more) are integers or multiples of 0.01.</summary>
    public static DamageWarning? CoarseGrid(IReadOnlyDictionary<string, List<double>> valuesByFinding)
    {
        var flagged = valuesByFinding
            .Where(entry => entry.Value.Count >= 2 && entry.Value.All(OnHundredthsGrid))
            .Select(entry => entry.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        return flagged.Count == 0
            ? null
            : new DamageWarning(DamageKind.CoarseGrid, flagged, $"Every probability of {string.Join(", ", flagged)} is an integer or a multiple of 0.01; the values look rounded before they were written.");
    }

    /// <summary>
    /// Returns the findings whose value equals the study's "any finding" value in at least 95 % of
    /// the studies that have both. The any-finding value is the NUM the SR gives it; where it has
    /// none, the largest finding value is used instead, but a finding counts as equal to it only where
    /// another finding also has that value, so a finding that is merely always the largest is not
    /// flagged.
    /// </summary>
    public static DamageWarning? AnyFindingCopies(IReadOnlyList<SrDocument> documents)
    {
        var counts = new Dictionary<string, (int Equal, int Compared)>(StringComparer.Ordinal);
        foreach (var document in documents.Where(document => document.IsAnalysed))
        {
            var values = document.Findings.Where(finding => finding.Probability is not null).ToList();
            var anyValue = document.AnyFinding?.Value;
            var stated = anyValue is not null;
            if (!stated && values.Count >= 2)
            {
                anyValue = values.Max(finding => finding.Probability!.Value);
            }

            if (anyValue is not { } reference)
            {
                continue;
            }

            var sharing = values.Count(finding => Math.Abs(finding.Probability!.Value - reference) <= EqualityTolerance);
            foreach (var finding in values)
            {
                var equal = Math.Abs(finding.Probability!.Value - reference) <= EqualityTolerance && (stated || sharing >= 2);
                var (equalCount, compared) = counts.GetValueOrDefault(finding.Key);
                counts[finding.Key] = (equalCount + (equal ? 1 : 0), compared + 1);
            }
        }

        var flagged = counts
            .Where(entry => entry.Value.Compared >= 2 && entry.Value.Equal >= AnyFindingShare * entry.Value.Compared)
            .Select(entry => entry.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        var share = (AnyFindingShare * 100).ToString("0", CultureInfo.InvariantCulture);
        return flagged.Count == 0
            ? null
            : new DamageWarning(DamageKind.AnyFindingValue, flagged, $"{string.Join(", ", flagged)} equal the \"any finding\" value in at least {share} % of studies; the study-level value looks written in the findings' place.");
    }

    private static bool OnHundredthsGrid(double value)
    {
        var scaled = value * HundredthsPerUnit;
        return Math.Abs(scaled - Math.Round(scaled)) <= GridTolerance * HundredthsPerUnit;
    }
}
