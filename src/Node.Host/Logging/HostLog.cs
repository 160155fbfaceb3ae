using Microsoft.Extensions.Logging;

namespace Node.Host.Logging;

/// <summary>Messages of the <c>ainode</c> program itself, event ids 2000 to 2099; the DICOM network library uses 1000 to 1999.</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Wrote {SopInstanceUid} to {Path}, {LengthBytes} bytes, flushed to disk")]
    public static partial void FileWritten(ILogger logger, string sopInstanceUid, string path, long lengthBytes);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Rejected SOP Instance UID '{SopInstanceUid}': not a valid UID, so it cannot name a file")]
    public static partial void InvalidSopInstanceUid(ILogger logger, string sopInstanceUid);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Could not delete the temporary file {Path}")]
    public static partial void TemporaryFileNotDeleted(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Received {Signal}; stopping")]
    public static partial void StopSignalReceived(ILogger logger, string signal);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "No SR or SC written for study '{StudyInstanceUid}': {Reason}")]
    public static partial void ReportsNotWritten(ILogger logger, string studyInstanceUid, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "{Count} incomplete file(s) named .*.partial found in {Folder}: a receiver stopped before finishing them, so none got a success status. Delete them once no receiver writes to this folder")]
    public static partial void PartialFilesFound(ILogger logger, int count, string folder);
}
