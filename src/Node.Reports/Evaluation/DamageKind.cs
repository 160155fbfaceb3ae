namespace Node.Reports.Evaluation;

/// <summary>Signs that the probabilities in the SRs were damaged on their way out of the model.</summary>
public enum DamageKind
{
    /// <summary>Every probability of a finding lies on a coarse grid (integers, or multiples of 0.01): rounded somewhere.</summary>
    CoarseGrid,

    /// <summary>A finding's value equals the "any finding" value in nearly every study: the study-level value took the finding's place.</summary>
    AnyFindingValue,
}
