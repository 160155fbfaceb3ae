using Microsoft.Extensions.Logging;
using Node.Dicom.Network.StateMachine;

namespace Node.Dicom.Network.Logging;

/// <summary>Upper Layer state machine messages, event ids 1200 to 1299.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Trace, Message = "{State} + {Event} -> {Action} -> {NextState}")]
    public static partial void Transition(ILogger logger, UpperLayerState state, UpperLayerEvent @event, UpperLayerAction action, UpperLayerState nextState);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Ignored {Event} in {State}: the table of PS3.8 has no action for it")]
    public static partial void EventIgnored(ILogger logger, UpperLayerEvent @event, UpperLayerState state);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "-> {Pdu}")]
    public static partial void PduSent(ILogger logger, string pdu);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Debug, Message = "<- {Pdu}")]
    public static partial void PduReceived(ILogger logger, string pdu);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "ARTIM expired after {TimeoutMs} ms in {State}; closing the connection")]
    public static partial void ArtimExpired(ILogger logger, double timeoutMs, UpperLayerState state);

    /// <summary>The fault is the peer's, so the line gives the exception's message (PDU, offset and reason) without the stack trace.</summary>
    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Protocol violation from the peer: {Reason}; sending A-ABORT")]
    public static partial void ProtocolViolation(ILogger logger, string reason);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Sending {Pdu} failed; the connection is closed")]
    public static partial void SendFailed(ILogger logger, string pdu, Exception exception);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "Handling ARTIM expiry failed")]
    public static partial void ArtimHandlingFailed(ILogger logger, Exception exception);
}
