namespace Node.Reports.Evaluation;

/// <summary>What <c>ainode evaluate</c> found.</summary>
/// <param name="Findings">Metrics per finding, ordered by finding id.</param>
/// <param name="Warnings">Signs of damaged values.</param>
/// <param name="SrFilesRead">SR files read.</param>
/// <param name="StudiesNotAnalysed">SRs that state the study was not analysed; they carry no probabilities.</param>
/// <param name="ValuesWithoutLabel">Finding values in the SRs that no label matches.</param>
/// <param name="LabelsWithoutValue">Labels that no SR value matches.</param>
public sealed record EvaluationReport(
    IReadOnlyList<FindingEvaluation> Findings,
    IReadOnlyList<DamageWarning> Warnings,
    int SrFilesRead,
    int StudiesNotAnalysed,
    int ValuesWithoutLabel,
    int LabelsWithoutValue);
