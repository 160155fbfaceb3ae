namespace Node.Host.Jobs;

/// <summary>An instance already on disk in the instance store, to be recorded in the job store.</summary>
/// <param name="StudyInstanceUid">Study Instance UID (0020,000D), validated.</param>
/// <param name="SeriesInstanceUid">Series Instance UID (0020,000E), validated.</param>
/// <param name="SopClassUid">Affected SOP Class UID of the C-STORE.</param>
/// <param name="SopInstanceUid">Affected SOP Instance UID of the C-STORE, validated.</param>
/// <param name="TransferSyntaxUid">The transfer syntax the file is stored in.</param>
/// <param name="RelativePath">The file's path relative to the instance store root, with '/' separators.</param>
/// <param name="Length">File length in bytes.</param>
/// <param name="CallingAeTitle">The sender's AE title, for the audit table.</param>
/// <param name="PeerAddress">The sender's IP address, for the audit table.</param>
/// <param name="AssociationId">The association's id as the network layer logs it.</param>
public sealed record ReceivedInstance(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SopClassUid,
    string SopInstanceUid,
    string TransferSyntaxUid,
    string RelativePath,
    long Length,
    string CallingAeTitle,
    string PeerAddress,
    string AssociationId);
