namespace Node.Inference.Packs;

/// <summary>The study-level "any finding" item: present where at least one finding meets its own decision threshold.</summary>
public sealed record AnyFindingDefinition(CodedConcept Code, DisplayNames DisplayNames);
