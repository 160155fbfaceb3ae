namespace Node.Host.Delivery;

/// <summary>What became of one report file in one call of <see cref="DestinationSender.SendAsync"/>.</summary>
public enum FileDeliveryOutcome
{
    /// <summary>The destination's C-STORE response had a success or warning status.</summary>
    Delivered,

    /// <summary>
    /// The file will not reach the destination as it is: the destination responded with a failure status
    /// that is not transient, or with a transient one on every attempt the retry limit allows, or it
    /// accepted no presentation context for the file, or the file cannot be read.
    /// </summary>
    Rejected,

    /// <summary>No response for the file: the circuit was open, the probe failed, or every association attempt failed before the file's C-STORE response.</summary>
    NotAttempted,
}
