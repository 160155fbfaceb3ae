using Node.Reports.Sr;

namespace Node.Reports.Evaluation;

/// <summary>
/// Joins the findings that SRs state with labels and computes per-finding ROC-AUC, and
/// sensitivity and specificity at the decision threshold each SR states for that finding.
/// </summary>
public static class Evaluator
{
    public static EvaluationReport Evaluate(IReadOnlyList<SrDocument> documents, LabelSet labels)
    {
        var samples = new Dictionary<string, List<Sample>>(StringComparer.Ordinal);
        var allValues = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var matchedLabels = new HashSet<(string, string)>();
        var withoutLabel = 0;

        foreach (var document in documents.Where(document => document.IsAnalysed))
        {
            foreach (var finding in document.Findings.Where(finding => finding.Probability is not null))
            {
                var probability = finding.Probability!.Value;
                Add(allValues, finding.Key, probability);
                if (!labels.TryGet(document.StudyInstanceUid, finding.Key, out var present))
                {
                    withoutLabel++;
                    continue;
                }

                matchedLabels.Add((document.StudyInstanceUid, finding.Key));
                Add(samples, finding.Key, new Sample(probability, finding.DecisionThreshold, present, finding.Code.Value));
            }
        }

        var findings = samples
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => Measure(entry.Key, entry.Value))
            .ToList();
        var warnings = new[] { DamageChecks.CoarseGrid(allValues), DamageChecks.AnyFindingCopies(documents) }.OfType<DamageWarning>().ToList();
        return new EvaluationReport(
            findings,
            warnings,
            documents.Count,
            documents.Count(document => !document.IsAnalysed),
            withoutLabel,
            labels.Count - matchedLabels.Count);
    }

    private static FindingEvaluation Measure(string findingId, List<Sample> samples)
    {
        var scores = samples.Select(sample => sample.Probability).ToList();
        var labels = samples.Select(sample => sample.Label).ToList();
        var thresholds = samples.Select(sample => sample.DecisionThreshold).Distinct().ToList();
        var decided = samples.Where(sample => sample.DecisionThreshold is not null).ToList();
        var decisions = decided.Select(sample => sample.Probability >= sample.DecisionThreshold!.Value).ToList();
        var decidedLabels = decided.Select(sample => sample.Label).ToList();

        return new FindingEvaluation(
            findingId,
            samples[0].CodeValue,
            samples.Count,
            labels.Count(label => label),
            BinaryMetrics.RocAuc(scores, labels),
            thresholds.Count == 1 ? thresholds[0] : null,
            BinaryMetrics.Sensitivity(decisions, decidedLabels),
            BinaryMetrics.Specificity(decisions, decidedLabels));
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(value);
    }

    private sealed record Sample(double Probability, double? DecisionThreshold, bool Label, string CodeValue);
}
