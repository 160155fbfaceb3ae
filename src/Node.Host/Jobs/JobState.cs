namespace Node.Host.Jobs;

/// <summary>
/// The state of one analysis of a study. A job moves forward only:
/// Receiving → Ready → Analysing → Reporting → Sending → Done or NotAnalysed; any step may end in
/// Failed once its attempts are spent. A restart moves Analysing and Reporting back to Ready.
/// </summary>
public enum JobState
{
    /// <summary>Instances are arriving; the study is not yet quiet.</summary>
    Receiving,

    /// <summary>No instance arrived for the quiet period; waiting for the inference worker.</summary>
    Ready,

    /// <summary>Claimed by the inference worker.</summary>
    Analysing,

    /// <summary>Analysed; the SR and SC are being written to the outbox.</summary>
    Reporting,

    /// <summary>The reports are in the outbox and go to every destination.</summary>
    Sending,

    /// <summary>Analysed, and every destination confirmed every report instance.</summary>
    Done,

    /// <summary>The model pack did not accept the study; its "not analysed" SR reached every destination.</summary>
    NotAnalysed,

    /// <summary>A step failed more often than its attempt limit allows; <see cref="Job.LastError"/> gives the reason.</summary>
    Failed,
}
