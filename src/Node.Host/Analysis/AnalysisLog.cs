using Microsoft.Extensions.Logging;

namespace Node.Host.Analysis;

/// <summary>Log lines of study assembly and the inference worker, event ids 4000-4099. None carries patient data.</summary>
internal static partial class AnalysisLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Study {StudyInstanceUid} ready: job {JobId}, {InstanceCount} instance(s), quiet for {QuietPeriod}")]
    public static partial void StudyReady(ILogger logger, string studyInstanceUid, long jobId, int instanceCount, TimeSpan quietPeriod);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Analysing study {StudyInstanceUid}: job {JobId}, attempt {Attempt}, {InstanceCount} instance(s), model {ModelName} {ModelVersion}")]
    public static partial void Analysing(ILogger logger, string studyInstanceUid, long jobId, int attempt, int instanceCount, string modelName, string modelVersion);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Study {StudyInstanceUid} {Outcome}: job {JobId}, model {ModelName} {ModelVersion}, {ElapsedMilliseconds} ms")]
    public static partial void Analysed(ILogger logger, string studyInstanceUid, long jobId, string outcome, string modelName, string modelVersion, long elapsedMilliseconds);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Study {StudyInstanceUid} reported: job {JobId}, {FileCount} report file(s) in {OutboxFolder} for {DestinationCount} destination(s)")]
    public static partial void Reported(ILogger logger, string studyInstanceUid, long jobId, int fileCount, string outboxFolder, int destinationCount);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Study {StudyInstanceUid} job {JobId}: instance file {RelativePath} skipped: {Reason}")]
    public static partial void InstanceSkipped(ILogger logger, string studyInstanceUid, long jobId, string relativePath, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Error, Message = "Study {StudyInstanceUid} job {JobId}: attempt {Attempt} of {MaxAttempts} failed; the job goes back to Ready")]
    public static partial void AttemptFailed(ILogger logger, string studyInstanceUid, long jobId, int attempt, int maxAttempts, Exception exception);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "Study {StudyInstanceUid} job {JobId} failed after {Attempt} attempt(s); no report is sent")]
    public static partial void JobFailed(ILogger logger, string studyInstanceUid, long jobId, int attempt, Exception exception);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "Study {StudyInstanceUid} job {JobId} handed back to Ready at stop")]
    public static partial void HandedBack(ILogger logger, string studyInstanceUid, long jobId);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "Study {StudyInstanceUid} job {JobId} supersedes job {SupersededJobId}: its SR names {PredecessorCount} earlier SR(s)")]
    public static partial void Supersedes(ILogger logger, string studyInstanceUid, long jobId, long supersededJobId, int predecessorCount);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Error, Message = "The job store failed while looking for work; the next try is in {PollInterval}")]
    public static partial void PollFailed(ILogger logger, TimeSpan pollInterval, Exception exception);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Study {StudyInstanceUid} job {JobId} brought only the node's own SR and SC back; nothing analysed or sent")]
    public static partial void OwnReportsOnly(ILogger logger, string studyInstanceUid, long jobId);
}
