namespace Node.Host.Jobs;

/// <summary>One report file of a job, owed to one destination.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Destination">The destination's name from the settings.</param>
/// <param name="SopInstanceUid">The report instance's SOP Instance UID.</param>
/// <param name="RelativePath">The report file, relative to the storage root, '/' separated.</param>
/// <param name="State">Pending, delivered or rejected.</param>
/// <param name="Attempts">C-STORE attempts made for it.</param>
/// <param name="LastError">The last failure, for people; null where none.</param>
/// <param name="DeliveredAt">When the destination confirmed it; null before.</param>
public sealed record Delivery(
    long JobId,
    string Destination,
    string SopInstanceUid,
    string RelativePath,
    DeliveryState State,
    int Attempts,
    string? LastError,
    DateTimeOffset? DeliveredAt);
