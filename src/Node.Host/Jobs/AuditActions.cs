namespace Node.Host.Jobs;

/// <summary>The values of <see cref="AuditEntry.Action"/>.</summary>
public static class AuditActions
{
    /// <summary>An instance was received and stored.</summary>
    public const string Received = "received";

    /// <summary>A report instance reached a destination.</summary>
    public const string Delivered = "delivered";

    /// <summary>A destination rejected a report instance for good.</summary>
    public const string Rejected = "rejected";
}
