using Microsoft.Extensions.Logging;

namespace Node.Dicom.Network.Logging;

/// <summary>DIMSE messages, event ids 1300 to 1399.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "<- {Command} on presentation context {ContextId}")]
    public static partial void CommandReceived(ILogger logger, string command, byte contextId);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "-> {Command} status {Status}")]
    public static partial void ResponseSent(ILogger logger, string command, string status);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "C-STORE of {SopInstanceUid} ({SopClassUid}) in {TransferSyntax} answered: status {Status}, {DurationMs} ms")]
    public static partial void InstanceStored(ILogger logger, string sopInstanceUid, string sopClassUid, string transferSyntax, string status, double durationMs);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "{Command} for {SopInstanceUid} refused with {Status}: {Reason}")]
    public static partial void CommandRefused(ILogger logger, string command, string? sopInstanceUid, string status, string reason);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Error, Message = "The store handler failed on {SopInstanceUid}; responding with {Status}")]
    public static partial void StoreHandlerFailed(ILogger logger, string sopInstanceUid, string status, Exception exception);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Debug, Message = "The response to message {MessageId} was not sent: the association has ended")]
    public static partial void ResponseNotSent(ILogger logger, ushort messageId, Exception exception);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Warning, Message = "C-STORE of {SopInstanceUid} dropped before its data set was complete: {Reason}; nothing of it is kept")]
    public static partial void StoreDropped(ILogger logger, string sopInstanceUid, string reason);
}
