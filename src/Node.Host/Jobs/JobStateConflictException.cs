namespace Node.Host.Jobs;

/// <summary>A job was asked to move from a state it is not in, or does not exist: another worker moved it, or the caller's view is stale.</summary>
public sealed class JobStateConflictException : Exception
{
    public JobStateConflictException(long jobId, JobState expected, JobState? actual)
        : base(actual is null
            ? $"Job {jobId} does not exist."
            : $"Job {jobId} is in state {actual}, not {expected} as the caller expected.")
    {
        JobId = jobId;
        Expected = expected;
        Actual = actual;
    }

    public long JobId { get; }

    public JobState Expected { get; }

    /// <summary>The job's state, or null where the job does not exist.</summary>
    public JobState? Actual { get; }
}
