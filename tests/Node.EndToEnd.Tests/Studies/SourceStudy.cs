namespace Node.EndToEnd.Tests.Studies;

/// <summary>One study the test sends to the node: its files, identity, and what <c>ainode analyze</c> made of the same files.</summary>
/// <param name="Name">A short name for messages, such as "CT_small.dcm" or "phantom 1".</param>
/// <param name="Files">The study's Part 10 files.</param>
/// <param name="StudyInstanceUid">Study Instance UID (0020,000D) of the files.</param>
/// <param name="PatientId">Patient ID (0010,0020) of the files.</param>
/// <param name="Modality">Modality (0008,0060) of the files.</param>
/// <param name="SeriesInstanceUids">The source series, to tell them apart from the node's report series in the PACS.</param>
/// <param name="Expected">The offline analysis of the same files.</param>
internal sealed record SourceStudy(
    string Name,
    IReadOnlyList<string> Files,
    string StudyInstanceUid,
    string PatientId,
    string Modality,
    IReadOnlySet<string> SeriesInstanceUids,
    OfflineResult Expected);
