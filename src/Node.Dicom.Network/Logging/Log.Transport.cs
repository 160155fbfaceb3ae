using Microsoft.Extensions.Logging;

namespace Node.Dicom.Network.Logging;

/// <summary>Connection and TLS messages, event ids 1500 to 1599.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Debug, Message = "Connection closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Debug, Message = "TLS handshake completed with {Protocol}, cipher suite {CipherSuite}")]
    public static partial void TlsEstablished(ILogger logger, string protocol, string cipherSuite);

    /// <summary>A peer's failed handshake is common (a plain client, a scanner, an untrusted certificate), so the line carries the reason without a stack trace.</summary>
    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "TLS handshake with {RemoteEndPoint} failed: {Reason}")]
    public static partial void TlsFailed(ILogger logger, string remoteEndPoint, string reason);
}
