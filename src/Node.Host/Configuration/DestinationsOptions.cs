using System.Globalization;

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

    /// <summary>Failed rounds in a row after which a destination's circuit opens (no attempts until the break ends), from 2 to 1000 (Polly's lower bound). Default 3.</summary>
    public int CircuitBreakerFailureThreshold { get; set; } = 3;

    /// <summary>How long an open circuit stays open before a C-ECHO probe tries the destination again, from 0.5 s to 1 day (Polly's bounds). Default 30 s.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the sender looks for reports waiting in the outbox. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Returns one message per invalid setting, the cross-field rules included.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        for (var i = 0; i < Peers.Count; i++)
        {
            Peers[i].Validate(errors, string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(Peers)}:{i}"));
        }

        foreach (var name in Peers.GroupBy(peer => peer.Name, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key))
        {
            errors.Add($"{SectionName}:{nameof(Peers)}: the name \"{name}\" is used by more than one destination; each needs its own name.");
        }

        SettingChecks.Range(errors, $"{SectionName}:{nameof(MaxRetryAttempts)}", MaxRetryAttempts, 0, 100);
        SettingChecks.Positive(errors, $"{SectionName}:{nameof(RetryBaseDelay)}", RetryBaseDelay);
        SettingChecks.Positive(errors, $"{SectionName}:{nameof(RetryMaxDelay)}", RetryMaxDelay);
        if (RetryMaxDelay < RetryBaseDelay)
        {
            errors.Add($"{SectionName}:{nameof(RetryMaxDelay)} = {RetryMaxDelay:c} is shorter than {SectionName}:{nameof(RetryBaseDelay)} = {RetryBaseDelay:c}; expected at least as long.");
        }

        SettingChecks.Range(errors, $"{SectionName}:{nameof(CircuitBreakerFailureThreshold)}", CircuitBreakerFailureThreshold, 2, 1000);
        SettingChecks.Between(errors, $"{SectionName}:{nameof(CircuitBreakerBreakDuration)}", CircuitBreakerBreakDuration, TimeSpan.FromSeconds(0.5), TimeSpan.FromDays(1));
        SettingChecks.Between(errors, $"{SectionName}:{nameof(RetryMaxDelay)}", RetryMaxDelay, TimeSpan.Zero, TimeSpan.FromDays(1));
        SettingChecks.Positive(errors, $"{SectionName}:{nameof(PollInterval)}", PollInterval);
        return errors;
    }
}
