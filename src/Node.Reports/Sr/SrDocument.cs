namespace Node.Reports.Sr;

/// <summary>What an SR of TID 1500 shape states about a study, read by codes.</summary>
/// <param name="StudyInstanceUid">Study Instance UID (0020,000D).</param>
/// <param name="SopInstanceUid">The SR's own SOP Instance UID.</param>
/// <param name="LanguageCode">The value of Language of Content Item and Descendants (121049), such as "en"; null where absent.</param>
/// <param name="AlgorithmName">Algorithm Name (111001) of the first group that has one; null where none.</param>
/// <param name="AlgorithmVersion">Algorithm Version (111003) next to it; null where none.</param>
/// <param name="AlgorithmParameters">Algorithm Parameters (111002) texts next to it.</param>
/// <param name="Findings">Each measurement group that carries a finding, in document order; the "any finding" item is never among them.</param>
/// <param name="AnyFinding">The "any finding" item; null where the SR has none.</param>
/// <param name="NotAnalysedReasons">The texts saying why the study was not analysed; empty for an analysed study.</param>
public sealed record SrDocument(
    string StudyInstanceUid,
    string SopInstanceUid,
    string? LanguageCode,
    string? AlgorithmName,
    string? AlgorithmVersion,
    IReadOnlyList<string> AlgorithmParameters,
    IReadOnlyList<SrFindingReading> Findings,
    SrAnyFindingReading? AnyFinding,
    IReadOnlyList<string> NotAnalysedReasons)
{
    public bool IsAnalysed => NotAnalysedReasons.Count == 0 && Findings.Count > 0;

    /// <summary>Returns the finding whose key (tracking identifier or code value) is <paramref name="key"/>, or null.</summary>
    public SrFindingReading? FindingByKey(string key) => Findings.FirstOrDefault(finding => finding.Key == key);
}
