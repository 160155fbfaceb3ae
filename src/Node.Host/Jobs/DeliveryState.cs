namespace Node.Host.Jobs;

/// <summary>The delivery state of one report instance to one destination.</summary>
public enum DeliveryState
{
    /// <summary>Not yet confirmed by the destination.</summary>
    Pending,

    /// <summary>The destination returned success or a warning status.</summary>
    Delivered,

    /// <summary>The destination returned a failure status for it on every attempt the limit allows.</summary>
    Rejected,
}
