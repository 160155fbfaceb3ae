namespace Node.Host.Jobs;

/// <summary>One line of the audit table: who sent what, and where results went. Holds no patient data.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Action">What happened: see <see cref="AuditActions"/>.</param>
/// <param name="StudyInstanceUid">The study.</param>
/// <param name="JobId">The job, where one exists.</param>
/// <param name="Peer">The other side: "AE@address" of a sender, or a destination's name.</param>
/// <param name="Detail">Counts, UIDs or a status, for people.</param>
public sealed record AuditEntry(DateTimeOffset At, string Action, string StudyInstanceUid, long? JobId, string Peer, string Detail);
