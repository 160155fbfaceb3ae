using Node.Inference.Validation;

namespace Node.Inference.Results;

/// <summary>A study the model did not analyse, with every reason found; it has no probabilities by design.</summary>
public sealed record NotAnalysedStudyResult(string StudyInstanceUid, ModelPackIdentity Model, IReadOnlyList<NotAnalysedReason> Reasons)
    : StudyResult(StudyInstanceUid, Model);
