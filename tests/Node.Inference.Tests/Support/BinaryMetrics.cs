namespace Node.Inference.Tests.Support;

/// <summary>Metrics of one finding's scores against 0/1 labels.</summary>
internal static class BinaryMetrics
{
    /// <summary>
    /// Returns the area under the ROC curve: the probability that a random positive scores above a
    /// random negative, ties counting one half (the Mann–Whitney U statistic divided by n₊n₋).
    /// </summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var positives = scores.Where((_, i) => labels[i]).ToList();
        var negatives = scores.Where((_, i) => !labels[i]).ToList();
        if (positives.Count == 0 || negatives.Count == 0)
        {
            throw new ArgumentException("ROC-AUC needs at least one positive and one negative label.", nameof(labels));
        }

        var wins = 0.0;
        foreach (var positive in positives)
        {
            foreach (var negative in negatives)
            {
                if (positive > negative)
                {
                    wins += 1.0;
                }
                else if (positive == negative)
                {
                    wins += 0.5;
                }
            }
        }

        return wins / ((double)positives.Count * negatives.Count);
    }

    /// <summary>Returns the fraction of positives whose score is at least the threshold.</summary>
    public static double Sensitivity(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double decisionThreshold) =>
        scores.Where((_, i) => labels[i]).Average(score => score >= decisionThreshold ? 1.0 : 0.0);

    /// <summary>Returns the fraction of negatives whose score is below the threshold.</summary>
    public static double Specificity(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double decisionThreshold) =>
        scores.Where((_, i) => !labels[i]).Average(score => score < decisionThreshold ? 1.0 : 0.0);
}
