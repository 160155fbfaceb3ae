namespace Node.Reports.Evaluation;

/// <summary>One finding's metrics over the studies that have both an SR value and a label.</summary>
/// <param name="FindingId">The finding's key: its tracking identifier in the SRs (the finding id), else its code value.</param>
/// <param name="CodeValue">Its code value as the SRs state it.</param>
/// <param name="Studies">Studies counted.</param>
/// <param name="Positives">Studies labeled 1.</param>
/// <param name="RocAuc">Area under the ROC curve; null where one class has no study.</param>
/// <param name="DecisionThreshold">The decision threshold the SRs state; null where they state none or different ones.</param>
/// <param name="Sensitivity">Fraction of positives at or above each SR's own threshold; null without positives or thresholds.</param>
/// <param name="Specificity">Fraction of negatives below each SR's own threshold; null without negatives or thresholds.</param>
public sealed record FindingEvaluation(
    string FindingId,
    string CodeValue,
    int Studies,
    int Positives,
    double? RocAuc,
    double? DecisionThreshold,
    double? Sensitivity,
    double? Specificity)
{
    public int Negatives => Studies - Positives;
}
