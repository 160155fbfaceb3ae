namespace Node.EndToEnd.Tests.Orthanc;

/// <summary>One study as Orthanc's REST API describes it: its Orthanc id, Study Instance UID and the patient it is filed under.</summary>
internal sealed record OrthancStudy(string Id, string StudyInstanceUid, string PatientId);
