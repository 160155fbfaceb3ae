using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Node.Dicom.Network.Errors;

namespace Node.Host.Cli;

/// <summary>Formats the one line that a failed command prints to standard error: <c>ainode: WHAT: REASON</c>.</summary>
internal static class FailureText
{
    /// <summary>Exit code of a command that failed for a reason other than its usage.</summary>
    public const int FailureExitCode = 1;

    /// <summary>Writes <c>ainode: {what}: {reason}</c> on one line and returns <see cref="FailureExitCode"/>.</summary>
    public static int Report(TextWriter error, string what, string reason)
    {
        error.WriteLine($"ainode: {what}: {OneLine(reason)}");
        return FailureExitCode;
    }

    /// <summary>
    /// Returns the reason of a network failure: the socket error for a connection that failed
    /// (for example "Connection refused"), else the exception's own message, which names the
    /// reject reason, abort source or timeout.
    /// </summary>
    public static string Reason(Exception exception) => exception switch
    {
        DicomConnectionException { InnerException: SocketException socket } => socket.Message,
        DicomConnectionException { InnerException: AuthenticationException tls } when tls.Message.Contains(nameof(RemoteCertificateValidationCallback), StringComparison.Ordinal) =>
            "TLS handshake failed: the peer's certificate does not chain to a certificate of --tls-ca, is outside its validity period, or does not carry the name given as --host",
        DicomConnectionException { InnerException: AuthenticationException tls } => $"TLS handshake failed: {tls.Message.TrimEnd('.')}{TlsHint(tls.Message)}",
        _ => exception.Message.TrimEnd('.'),
    };

    /// <summary>Says what to do for the two handshake failures a new user meets first: a CA this machine does not know, and a port without TLS.</summary>
    private static string TlsHint(string message)
    {
        if (message.Contains("UntrustedRoot", StringComparison.Ordinal) || message.Contains("PartialChain", StringComparison.Ordinal))
        {
            return " (the peer's certificate does not chain to a CA this machine trusts; give its CA with --tls-ca)";
        }

        return message.Contains("frame", StringComparison.OrdinalIgnoreCase)
            ? " (the peer did not answer in TLS; the port may take DICOM without TLS)"
            : string.Empty;
    }

    /// <summary>
    /// Returns <see cref="Reason(Exception)"/>, with a hint where the connection used TLS and ended
    /// without a TLS error of its own: a peer that rejects the certificate this program presented,
    /// or wants one, closes the connection after the handshake, and so does a port without TLS.
    /// </summary>
    public static string Reason(Exception exception, bool overTls)
    {
        var reason = Reason(exception);
        var closed = exception is DicomAssociationAbortedException or DicomConnectionException { InnerException: IOException or SocketException };
        return overTls && closed && !reason.StartsWith("TLS handshake failed", StringComparison.Ordinal)
            ? $"{reason} (over TLS: the peer may have rejected this program's certificate, or need one: --tls-cert and --tls-key; or the port may not take TLS)"
            : reason;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
