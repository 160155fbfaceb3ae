namespace Node.Host.Jobs;

/// <summary>Where one report instance stands with one destination.</summary>
public enum DeliveryState
{
    /// <summary>Not yet confirmed by the destination.</summary>
    Pending,

    /// <summary>The destination answered success or a warning.</summary>
    Delivered,

    /// <summary>The destination answered a failure status for it more often than the attempt limit allows.</summary>
    Rejected,
}
