using Node.Inference.Results;

namespace Node.Inference.Packs;

/// <summary>One finding of a model pack.</summary>
/// <param name="Id">Stable identifier, lower-case letters, digits and '-'.</param>
/// <param name="OutputIndex">Index of this finding's probability along axis 1 of the probability tensor, and of its heatmap channel.</param>
/// <param name="Code">The finding's own code.</param>
/// <param name="DisplayNames">Names for reports.</param>
/// <param name="DecisionThreshold">The probability from which the finding counts as present.</param>
public sealed record FindingDefinition(
    string Id,
    int OutputIndex,
    CodedConcept Code,
    DisplayNames DisplayNames,
    Probability DecisionThreshold);
