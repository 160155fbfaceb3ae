namespace Node.Inference.Results;

/// <summary>The outcome for one study: <see cref="AnalysedStudyResult"/> or <see cref="NotAnalysedStudyResult"/>.</summary>
/// <param name="StudyInstanceUid">The study; empty text where its instances carry none.</param>
/// <param name="Model">The model pack that produced the outcome.</param>
public abstract record StudyResult(string StudyInstanceUid, ModelPackIdentity Model);
