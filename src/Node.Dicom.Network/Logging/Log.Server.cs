using Microsoft.Extensions.Logging;

namespace Node.Dicom.Network.Logging;

/// <summary>Server messages, event ids 1000 to 1099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "DICOM server {AeTitle} listening on {EndPoint} over {Transport}")]
    public static partial void ServerStarted(ILogger logger, string aeTitle, string endPoint, string transport);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "DICOM server stopping with {Count} connections open")]
    public static partial void ServerStopping(ILogger logger, int count);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "DICOM server stopped")]
    public static partial void ServerStopped(ILogger logger);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Aborting {Count} connections still open after the grace period of {GracePeriodMs} ms")]
    public static partial void AbortingAfterGrace(ILogger logger, int count, double gracePeriodMs);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Accepted a connection from {RemoteEndPoint}")]
    public static partial void ConnectionAccepted(ILogger logger, string? remoteEndPoint);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Accepting connections failed; the server no longer accepts new ones")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "A connection ended with an unexpected error")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception);
}
