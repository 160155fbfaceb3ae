namespace Node.Host.Configuration;

/// <summary>Settings of the result sender, configuration section "Destinations".</summary>
public sealed class DestinationsOptions
{
    public const string SectionName = "Destinations";

    /// <summary>Every peer that receives the reports. Empty by default: reports then stay in the outbox and the job ends at once.</summary>
    public List<DestinationOptions> Peers { get; set; } = [];

    /// <summary>C-STORE attempts per report round after the first failure (Polly's MaxRetryAttempts), from 0 to 100. Default 5.</summary>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; later retries double it, with jitter. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between two retries. Default 30 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed rounds in a row after which a destination's circuit opens (no attempts until the break ends). Default 3.</summary>
    public int CircuitBreakerFailureThreshold { get; set; } = 3;

    /// <summary>How long an open circuit stays open before a C-ECHO probe tries the destination again. Default 30 s.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the sender looks for reports waiting in the outbox. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
