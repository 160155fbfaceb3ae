using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Node.Dicom.Network.Transport;

/// <summary>TLS settings of the server (PS3.15 B.1, basic TLS secure transport connection profile).</summary>
public sealed class DicomTlsServerOptions
{
    /// <summary>TLS 1.2 and 1.3, the versions the current basic profile (BCP 195) allows.</summary>
    public const SslProtocols DefaultProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>The server's certificate with its private key.</summary>
    public X509Certificate2? ServerCertificate { get; set; }

    /// <summary>Intermediate CAs sent with <see cref="ServerCertificate"/>, so a peer that trusts only the root can build the chain; default none.</summary>
    public X509Certificate2Collection? ServerCertificateIssuers { get; set; }

    /// <summary>Whether a client must present a certificate; default false.</summary>
    public bool RequireClientCertificate { get; set; }

    /// <summary>Checks the client's certificate; null uses the platform's chain validation.</summary>
    public RemoteCertificateValidationCallback? ClientCertificateValidation { get; set; }

    /// <summary>Protocol versions offered; default <see cref="DefaultProtocols"/>.</summary>
    public SslProtocols Protocols { get; set; } = DefaultProtocols;

    /// <summary>The certificate with its issuers, built once for every connection; set the certificate properties before the server starts.</summary>
    private SslStreamCertificateContext? _context;

    /// <summary>Returns the certificate context that every handshake presents, built on the first call; null without a certificate.</summary>
    internal SslStreamCertificateContext? CertificateContext() =>
        ServerCertificate is null ? null : _context ??= SslStreamCertificateContext.Create(ServerCertificate, ServerCertificateIssuers ?? [], offline: true);
}
