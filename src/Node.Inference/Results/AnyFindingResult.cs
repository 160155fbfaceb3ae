using Node.Inference.Packs;

namespace Node.Inference.Results;

/// <summary>
/// The study-level "any finding" item, kept apart from the findings: present where at least one
/// finding meets its own decision threshold. It carries no probability of its own, so it can
/// never stand in for a finding's.
/// </summary>
/// <param name="Definition">Its code and display names.</param>
/// <param name="IsPresent">Whether any finding meets its decision threshold.</param>
/// <param name="PositiveFindingIds">The ids of the findings that do, in manifest order.</param>
public sealed record AnyFindingResult(AnyFindingDefinition Definition, bool IsPresent, IReadOnlyList<string> PositiveFindingIds);
