using Node.Reports.Evaluation;

namespace Node.Reports.Tests.Evaluation;

public sealed class BinaryMetricsTests
{
    [Test]
    public void Auc_counts_ties_as_half()
    {
        // Positives 0.8 and 0.5; negatives 0.5 and 0.2: wins 1 + 1 + 0.5 + 1 = 3.5 of 4 pairs.
        var auc = BinaryMetrics.RocAuc([0.8, 0.5, 0.5, 0.2], [true, true, false, false]);

        Assert.That(auc, Is.EqualTo(0.875));
    }

    [Test]
    public void Auc_is_null_for_one_class()
    {
        Assert.That(BinaryMetrics.RocAuc([0.1, 0.9], [true, true]), Is.Null);
    }

    [Test]
    public void Sensitivity_and_specificity_count_agreement()
    {
        bool[] decisions = [true, false, true, false];
        bool[] labels = [true, true, false, false];

        Assert.That(BinaryMetrics.Sensitivity(decisions, labels), Is.EqualTo(0.5));
        Assert.That(BinaryMetrics.Specificity(decisions, labels), Is.EqualTo(0.5));
    }
}
