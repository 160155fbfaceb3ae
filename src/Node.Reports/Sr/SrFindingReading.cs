using Node.Inference.Packs;

namespace Node.Reports.Sr;

/// <summary>One finding's measurement group as read from an SR.</summary>
/// <param name="TrackingIdentifier">Tracking Identifier (112039) text, the finding id in the node's SRs; null where absent.</param>
/// <param name="Code">The finding's code: the value of its Finding (121071) item, else the concept of its decision item.</param>
/// <param name="Probability">The probability NUM as a fraction in [0, 1] as written; null where the group has none.</param>
/// <param name="ProbabilityText">The probability's Numeric Value (0040,A30A) text as written, for checks of its precision.</param>
/// <param name="DecisionThreshold">The CAD Operating Point (111071) NUM as a fraction; null where absent.</param>
/// <param name="IsPresent">The decision: true for Present or Yes, false for Absent or No; null where absent or undetermined.</param>
/// <param name="SourceImageUids">SOP Instance UIDs of the group's IMAGE items.</param>
public sealed record SrFindingReading(
    string? TrackingIdentifier,
    CodedConcept Code,
    double? Probability,
    string? ProbabilityText,
    double? DecisionThreshold,
    bool? IsPresent,
    IReadOnlyList<string> SourceImageUids)
{
    /// <summary>The key that joins the finding with labels: the tracking identifier where present, else the code value.</summary>
    public string Key => string.IsNullOrWhiteSpace(TrackingIdentifier) ? Code.Value : TrackingIdentifier;
}
