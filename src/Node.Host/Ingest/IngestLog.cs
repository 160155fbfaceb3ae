using Microsoft.Extensions.Logging;

namespace Node.Host.Ingest;

/// <summary>
/// Messages of the Store SCP ingest, event ids 3000 to 3099. Lines carry UIDs, AE titles and ids,
/// never patient name, patient ID or birth date.
/// </summary>
internal static partial class IngestLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "Stored {SopInstanceUid} of study {StudyInstanceUid} in job {JobId} from association {AssociationId}, {LengthBytes} bytes at {RelativePath}")]
    public static partial void InstanceStored(ILogger logger, string associationId, string studyInstanceUid, long jobId, string sopInstanceUid, long lengthBytes, string relativePath);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Started job {JobId} for study {StudyInstanceUid} on {SopInstanceUid} from association {AssociationId}")]
    public static partial void JobStarted(ILogger logger, string associationId, string studyInstanceUid, long jobId, string sopInstanceUid);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Received {SopInstanceUid} of study {StudyInstanceUid} again from association {AssociationId}; kept the first copy; job {JobId} has {InstanceCount} instances and {DuplicateCount} duplicates")]
    public static partial void DuplicateReceived(ILogger logger, string associationId, string studyInstanceUid, long jobId, string sopInstanceUid, int instanceCount, int duplicateCount);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Rejected {SopInstanceUid} from association {AssociationId} with {Status}: {Reason}")]
    public static partial void InstanceRejected(ILogger logger, string associationId, string sopInstanceUid, string status, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Disk space low: {FreeMegabytes} MiB free, below the margin of {MarginMegabytes} MiB; refusing instances with A700 until space is freed")]
    public static partial void DiskSpaceLow(ILogger logger, long freeMegabytes, long marginMegabytes);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Disk space back above the margin: {FreeMegabytes} MiB free, margin {MarginMegabytes} MiB; storing instances again")]
    public static partial void DiskSpaceRecovered(ILogger logger, long freeMegabytes, long marginMegabytes);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error, Message = "Could not record {SopInstanceUid} of study {StudyInstanceUid} from association {AssociationId} in the job store; deleted its file and responded with A700")]
    public static partial void RecordFailed(ILogger logger, string associationId, string studyInstanceUid, string sopInstanceUid, Exception exception);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Could not delete the file {Path}")]
    public static partial void FileNotDeleted(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Replaced {RelativePath}, a file no job recorded (left by an earlier stop between rename and record), with the copy from association {AssociationId}")]
    public static partial void UnrecordedFileReplaced(ILogger logger, string associationId, string relativePath);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "Deleted {FileCount} incomplete files that an earlier run left in {StagingFolder}")]
    public static partial void StagingLeftoversDeleted(ILogger logger, int fileCount, string stagingFolder);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "The staging folder {StagingFolder} was missing, deleted while the node ran; created it again")]
    public static partial void StagingFolderRecreated(ILogger logger, string stagingFolder);
}
