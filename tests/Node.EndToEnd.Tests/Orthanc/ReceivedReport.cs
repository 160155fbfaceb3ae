using Node.Dicom.IO;

namespace Node.EndToEnd.Tests.Orthanc;

/// <summary>One instance of the node's reports as Orthanc stores it: its Orthanc id and the file read back with <c>GET /instances/{id}/file</c>.</summary>
internal sealed record ReceivedReport(string InstanceId, DicomFile File);
