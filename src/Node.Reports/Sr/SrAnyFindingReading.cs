using Node.Inference.Packs;

namespace Node.Reports.Sr;

/// <summary>The study-level "any finding" item as read from an SR.</summary>
/// <param name="Code">Its code.</param>
/// <param name="IsPresent">True for Present or Yes, false for Absent or No; null where undetermined or absent.</param>
/// <param name="Value">A numeric value written for it (the node writes none); null where absent.</param>
public sealed record SrAnyFindingReading(CodedConcept Code, bool? IsPresent, double? Value);
