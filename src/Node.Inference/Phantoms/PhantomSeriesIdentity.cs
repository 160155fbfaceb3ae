namespace Node.Inference.Phantoms;

/// <summary>The identity a phantom study's instances share, and each instance's SOP Instance UID.</summary>
internal sealed record PhantomSeriesIdentity(
    int Seed,
    int StudyIndex,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string FrameOfReferenceUid,
    IReadOnlyList<string> SopInstanceUids);
