using Node.Inference.Packs;

namespace Node.Inference.Results;

/// <summary>One finding's result for an image or a study: its own probability, judged against its own decision threshold.</summary>
/// <param name="Finding">The finding, with its code and decision threshold.</param>
/// <param name="Probability">The model's probability, never rounded.</param>
/// <param name="Heatmap">The finding's heatmap for an image result; null for a study result or a model without heatmaps.</param>
public sealed record FindingResult(FindingDefinition Finding, Probability Probability, Heatmap? Heatmap)
{
    /// <summary>True where the probability is at least the finding's decision threshold.</summary>
    public bool MeetsDecisionThreshold => Probability.MeetsDecisionThreshold(Finding.DecisionThreshold);
}
