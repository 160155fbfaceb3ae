namespace Node.Host.Jobs;

/// <summary>An instance recorded in the job store.</summary>
/// <param name="JobId">The job during which it arrived.</param>
/// <param name="SopInstanceUid">SOP Instance UID.</param>
/// <param name="SeriesInstanceUid">Series Instance UID.</param>
/// <param name="SopClassUid">SOP Class UID.</param>
/// <param name="TransferSyntaxUid">Transfer syntax of the stored file.</param>
/// <param name="RelativePath">Path relative to the instance store root, '/' separated.</param>
/// <param name="ReceivedAt">When it was recorded.</param>
public sealed record StoredInstance(
    long JobId,
    string SopInstanceUid,
    string SeriesInstanceUid,
    string SopClassUid,
    string TransferSyntaxUid,
    string RelativePath,
    DateTimeOffset ReceivedAt);
