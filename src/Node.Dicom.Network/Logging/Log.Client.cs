using Microsoft.Extensions.Logging;

namespace Node.Dicom.Network.Logging;

/// <summary>Client messages, event ids 1400 to 1499.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Debug, Message = "Requesting an association {CallingAe} -> {CalledAe} at {Host}:{Port} with {ProposedCount} presentation contexts")]
    public static partial void Requesting(ILogger logger, string callingAe, string calledAe, string host, int port, int proposedCount);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Association established with {CalledAe} at {Host}:{Port}: {AcceptedCount} of {ProposedCount} presentation contexts accepted, peer maximum PDU length {PeerMaxPduLength}")]
    public static partial void Established(ILogger logger, string calledAe, string host, int port, int acceptedCount, int proposedCount, uint peerMaxPduLength);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "C-STORE {SopInstanceUid} -> {CalledAe}: status {Status}")]
    public static partial void StoreAnswered(ILogger logger, string sopInstanceUid, string calledAe, string status);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Not sent: {Path}: {Reason}")]
    public static partial void NotSent(ILogger logger, string? path, string reason);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Information, Message = "Association with {CalledAe} released")]
    public static partial void Released(ILogger logger, string calledAe);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Warning, Message = "Sending {Path} failed")]
    public static partial void InstanceSendFailed(ILogger logger, string? path, Exception exception);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Debug, Message = "Answering the peer's A-RELEASE-RQ")]
    public static partial void PeerRequestedRelease(ILogger logger);
}
