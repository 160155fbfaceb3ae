namespace Node.Reports.Evaluation;

/// <summary>A warning that the delivered values look damaged, naming the findings.</summary>
public sealed record DamageWarning(DamageKind Kind, IReadOnlyList<string> FindingIds, string Message);
