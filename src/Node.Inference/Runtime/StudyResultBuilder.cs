using Node.Inference.Packs;
using Node.Inference.Preprocessing;
using Node.Inference.Results;
using Node.Inference.Validation;

namespace Node.Inference.Runtime;

/// <summary>Combines the image outcomes of one study into its result.</summary>
internal static class StudyResultBuilder
{
    /// <summary>
    /// Returns "not analysed" with every reason where any image was rejected or the study is
    /// empty; otherwise each finding's study probability, combined as the manifest specifies.
    /// </summary>
    public static StudyResult Build(ModelPack pack, string studyInstanceUid, IReadOnlyList<PreprocessingOutcome> outcomes, IReadOnlyList<ImageResult?> images)
    {
        if (outcomes.Count == 0)
        {
            var empty = new NotAnalysedReason(NotAnalysedRule.NoInstances, "instances", "0", "at least one instance", null);
            return new NotAnalysedStudyResult(studyInstanceUid, pack.Identity, [empty]);
        }

        var reasons = outcomes.SelectMany(outcome => outcome.Reasons).ToList();
        if (reasons.Count > 0)
        {
            return new NotAnalysedStudyResult(studyInstanceUid, pack.Identity, reasons);
        }

        var imageResults = images.Select(image => image ?? throw new InvalidOperationException("A prepared image has no result.")).ToList();
        var manifest = pack.Manifest;
        var findings = manifest.Findings
            .Select(finding => new FindingResult(finding, Combine(manifest.StudyAggregation, imageResults, finding), null))
            .ToList();
        var positive = findings.Where(result => result.MeetsDecisionThreshold).Select(result => result.Finding.Id).ToList();
        var anyFinding = new AnyFindingResult(manifest.AnyFinding, positive.Count > 0, positive);
        return new AnalysedStudyResult(studyInstanceUid, pack.Identity, findings, anyFinding, imageResults);
    }

    private static Probability Combine(StudyAggregation aggregation, IReadOnlyList<ImageResult> images, FindingDefinition finding)
    {
        var probabilities = images.Select(image => image.Findings.Single(result => result.Finding.Id == finding.Id).Probability.Value).ToList();
        var combined = aggregation == StudyAggregation.Max ? probabilities.Max() : probabilities.Average();

        // The mean of values in [0, 1] can leave the range by rounding only by an ulp; clamp that, never more.
        return new Probability(Math.Clamp(combined, 0.0, 1.0));
    }
}
