namespace Node.EndToEnd.Tests.Studies;

/// <summary>
/// What <c>ainode analyze</c> wrote to results.json for one study: whether the pack accepted it,
/// each finding's raw probability (the model's output before any report is written), and the
/// rules of the reasons it was not analysed.
/// </summary>
/// <param name="IsAnalysed">True where Status is "Analysed".</param>
/// <param name="Probabilities">Finding id → raw probability; empty for a study not analysed.</param>
/// <param name="NotAnalysedRules">The Rule of each reason, such as "Modality"; empty for an analysed study.</param>
internal sealed record OfflineResult(bool IsAnalysed, IReadOnlyDictionary<string, double> Probabilities, IReadOnlyList<string> NotAnalysedRules);
