namespace Node.Host.Configuration;

/// <summary>Settings of study assembly, configuration section "StudyAssembly".</summary>
public sealed class StudyAssemblyOptions
{
    public const string SectionName = "StudyAssembly";

    /// <summary>A study is ready for analysis once no instance of it arrived for this long. Default 10 s.</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the node looks for studies that became quiet, so a study waits at most this long beyond its quiet period. Default 250 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Returns one message per invalid setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        SettingChecks.NotNegative(errors, $"{SectionName}:{nameof(QuietPeriod)}", QuietPeriod);
        SettingChecks.Positive(errors, $"{SectionName}:{nameof(PollInterval)}", PollInterval);
        return errors;
    }
}
