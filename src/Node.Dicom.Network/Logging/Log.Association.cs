using Microsoft.Extensions.Logging;

namespace Node.Dicom.Network.Logging;

/// <summary>Association negotiation and lifetime messages, event ids 1100 to 1199.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Association accepted: {CallingAe} -> {CalledAe}, {AcceptedCount} of {ProposedCount} presentation contexts accepted")]
    public static partial void AssociationAccepted(ILogger logger, string callingAe, string calledAe, int acceptedCount, int proposedCount);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Association rejected: {CallingAe} -> {CalledAe}, result {Result}, source {Source}, reason {Reason}: {Detail}")]
    public static partial void AssociationRejected(ILogger logger, string callingAe, string calledAe, byte result, byte source, byte reason, string detail);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Association released")]
    public static partial void AssociationReleased(ILogger logger);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Association aborted by the peer: source {Source}, reason {Reason}")]
    public static partial void AssociationAbortedByPeer(ILogger logger, byte source, byte reason);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Association aborted: {Reason}")]
    public static partial void AssociationAborted(ILogger logger, string reason);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Debug, Message = "Presentation context {ContextId} {AbstractSyntax}: {Result} {TransferSyntax}")]
    public static partial void ContextNegotiated(ILogger logger, byte contextId, string abstractSyntax, string result, string? transferSyntax);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Association silent for {IdleMs} ms; aborting it")]
    public static partial void AssociationIdle(ILogger logger, double idleMs);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Debug, Message = "Connection closed before an association was requested")]
    public static partial void ClosedBeforeRequest(ILogger logger);
}
