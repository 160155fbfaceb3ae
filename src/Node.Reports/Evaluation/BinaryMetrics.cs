namespace Node.Reports.Evaluation;

/// <summary>Metrics of one finding's probabilities against 0/1 labels.</summary>
public static class BinaryMetrics
{
    /// <summary>
    /// Returns the area under the ROC curve: the probability that a random positive scores above a
    /// random negative, ties counting one half. Computed from ranks (the Mann–Whitney U statistic
    /// divided by n₊n₋), in O(n log n). Null where either class is empty.
    /// </summary>
    public static double? RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var positives = labels.Count(label => label);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var positiveRankSum = 0.0;
        var start = 0;
        while (start < order.Length)
        {
            // Tied scores share the mean of the ranks they span (ranks count from 1).
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var meanRank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                if (labels[order[k]])
                {
                    positiveRankSum += meanRank;
                }
            }

            start = end + 1;
        }

        var u = positiveRankSum - (positives * (positives + 1) / 2.0);
        return u / ((double)positives * negatives);
    }

    /// <summary>Returns the fraction of positives decided present; null where there are none.</summary>
    public static double? Sensitivity(IReadOnlyList<bool> decisions, IReadOnlyList<bool> labels) => Agreement(decisions, labels, positive: true);

    /// <summary>Returns the fraction of negatives decided absent; null where there are none.</summary>
    public static double? Specificity(IReadOnlyList<bool> decisions, IReadOnlyList<bool> labels) => Agreement(decisions, labels, positive: false);

    private static double? Agreement(IReadOnlyList<bool> decisions, IReadOnlyList<bool> labels, bool positive)
    {
        var total = 0;
        var agreeing = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == positive)
            {
                total++;
                agreeing += decisions[i] == positive ? 1 : 0;
            }
        }

        return total == 0 ? null : (double)agreeing / total;
    }
}
