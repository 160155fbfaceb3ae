using Microsoft.Extensions.Logging;

namespace Node.Host.Delivery;

/// <summary>
/// Messages of the result sender, event ids 5000 to 5099. They carry destination names, job ids,
/// Study Instance UIDs and the SOP Instance UIDs of the node's own reports, never patient data.
/// </summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "Retrying delivery to {Destination} for job {JobId}: retry {RetryNumber} of {MaxRetryAttempts} in {DelayMs} ms after: {Error}")]
    public static partial void RetryScheduled(ILogger logger, string destination, long jobId, int retryNumber, int maxRetryAttempts, double delayMs, string error);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Circuit to {Destination} opened for {BreakDurationMs} ms after {FailureThreshold} failed rounds; deliveries wait")]
    public static partial void CircuitOpened(ILogger logger, string destination, double breakDurationMs, int failureThreshold, Exception? exception);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Circuit to {Destination} half-open; probing with C-ECHO")]
    public static partial void CircuitHalfOpened(ILogger logger, string destination);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Circuit to {Destination} closed; deliveries resume")]
    public static partial void CircuitClosed(ILogger logger, string destination);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "C-ECHO probe of {Destination} succeeded")]
    public static partial void ProbeSucceeded(ILogger logger, string destination);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "C-ECHO probe of {Destination} failed; the circuit stays open: {Error}")]
    public static partial void ProbeFailed(ILogger logger, string destination, string error);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Debug, Message = "-> {Destination}: sending {FileCount} files of job {JobId} over a new association")]
    public static partial void AttemptStarting(ILogger logger, string destination, long jobId, int fileCount);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Debug, Message = "Delivery to {Destination} for job {JobId} skipped: the circuit is open; {FileCount} files stay pending")]
    public static partial void CircuitOpenSkipped(ILogger logger, string destination, long jobId, int fileCount);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Delivery round to {Destination} for job {JobId} failed; {FileCount} files stay pending or are rejected: {Error}")]
    public static partial void RoundFailed(ILogger logger, string destination, long jobId, int fileCount, string error);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Debug, Message = "Release failed after every file had its answer")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "Job {JobId} of study {StudyInstanceUid} sent: every report reached every destination; job now {State}")]
    public static partial void JobSent(ILogger logger, long jobId, string studyInstanceUid, string state);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Warning, Message = "Delivery of job {JobId} of study {StudyInstanceUid} to {Destination} incomplete: {DeliveredCount} delivered, {RejectedCount} rejected, {PendingCount} pending; first error: {Error}")]
    public static partial void DeliveryFailed(ILogger logger, long jobId, string studyInstanceUid, string destination, int deliveredCount, int rejectedCount, int pendingCount, string? error);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Error, Message = "Job {JobId} of study {StudyInstanceUid} failed: {LastError}")]
    public static partial void JobFailed(ILogger logger, long jobId, string studyInstanceUid, string lastError);

    [LoggerMessage(EventId = 5023, Level = LogLevel.Warning, Message = "Retrying delivery of job {JobId} of study {StudyInstanceUid} to {Destination} after a restart: {PendingCount} files were pending, and the destination may already hold some of them")]
    public static partial void ResentAfterRestart(ILogger logger, long jobId, string studyInstanceUid, string destination, int pendingCount);

    [LoggerMessage(EventId = 5024, Level = LogLevel.Warning, Message = "Job {JobId} of study {StudyInstanceUid} has deliveries to {Destination}, which is not in the settings; they are rejected")]
    public static partial void UnknownDestination(ILogger logger, long jobId, string studyInstanceUid, string destination);

    [LoggerMessage(EventId = 5025, Level = LogLevel.Information, Message = "Job {JobId} of study {StudyInstanceUid} left Sending elsewhere; skipped")]
    public static partial void JobMovedElsewhere(ILogger logger, long jobId, string studyInstanceUid, Exception exception);

    [LoggerMessage(EventId = 5026, Level = LogLevel.Error, Message = "Sending job {JobId} of study {StudyInstanceUid} failed; the next poll tries again")]
    public static partial void JobRoundFailed(ILogger logger, long jobId, string studyInstanceUid, Exception exception);

    [LoggerMessage(EventId = 5027, Level = LogLevel.Information, Message = "Result sender started: {DestinationCount} destinations, polling every {PollIntervalMs} ms")]
    public static partial void SenderStarted(ILogger logger, int destinationCount, double pollIntervalMs);

    [LoggerMessage(EventId = 5028, Level = LogLevel.Error, Message = "Result sender poll failed; the next poll tries again")]
    public static partial void PollFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5029, Level = LogLevel.Warning, Message = "{Destination} rejected report {SopInstanceUid} of job {JobId}: {Error}")]
    public static partial void FileRejected(ILogger logger, string destination, string sopInstanceUid, long jobId, string? error);
}
