namespace Node.Inference.Packs;

/// <summary>How the probabilities of a finding over a study's images combine into the study's probability.</summary>
public enum StudyAggregation
{
    /// <summary>The largest image probability.</summary>
    Max,

    /// <summary>The mean of the image probabilities.</summary>
    Mean,
}
