namespace Node.Inference.Results;

/// <summary>A study the model analysed.</summary>
/// <param name="StudyInstanceUid">The study; empty text where its instances carry none.</param>
/// <param name="Model">The model pack that produced the result.</param>
/// <param name="Findings">Each finding's study probability (image probabilities combined as the manifest specifies), in manifest order.</param>
/// <param name="AnyFinding">The study-level "any finding" item.</param>
/// <param name="Images">The result of every image, one per frame of each instance, in the order the instances and their frames were given.</param>
public sealed record AnalysedStudyResult(
    string StudyInstanceUid,
    ModelPackIdentity Model,
    IReadOnlyList<FindingResult> Findings,
    AnyFindingResult AnyFinding,
    IReadOnlyList<ImageResult> Images)
    : StudyResult(StudyInstanceUid, Model);
