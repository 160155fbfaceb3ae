namespace Node.EndToEnd.Tests.Orthanc;

/// <summary>What Orthanc stores for one source study after the node delivered: the study it filed the reports under, and the reports split by SOP class.</summary>
/// <param name="Study">The Orthanc study with the source's Study Instance UID; null where Orthanc stores none.</param>
/// <param name="StructuredReports">Instances of the Comprehensive SR class in that study.</param>
/// <param name="SecondaryCaptures">Instances of a Secondary Capture class in that study.</param>
internal sealed record ReceivedStudy(OrthancStudy? Study, IReadOnlyList<ReceivedReport> StructuredReports, IReadOnlyList<ReceivedReport> SecondaryCaptures);
