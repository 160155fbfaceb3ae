namespace Node.EndToEnd.Tests.Orthanc;

/// <summary>One series as Orthanc's REST API lists it under a study: its Orthanc id, main tags and instance ids.</summary>
internal sealed record OrthancSeries(string Id, string Modality, string SeriesInstanceUid, IReadOnlyList<string> InstanceIds);
