using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Node.Dicom.Network.Transport;

/// <summary>TLS settings of the client (PS3.15 B.1, basic TLS secure transport connection profile).</summary>
public sealed class DicomTlsClientOptions
{
    /// <summary>Name the server certificate must carry; null uses the host name the client connects to.</summary>
    public string? TargetHost { get; set; }

    /// <summary>Client certificates with private keys, for servers that require one; default none.</summary>
    public X509Certificate2Collection? ClientCertificates { get; set; }

    /// <summary>Intermediate CAs sent with the first of <see cref="ClientCertificates"/>; default none.</summary>
    public X509Certificate2Collection? ClientCertificateIssuers { get; set; }

    /// <summary>Checks the server's certificate; null uses the platform's chain validation.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }

    /// <summary>Protocol versions offered; default TLS 1.2 and 1.3.</summary>
    public SslProtocols Protocols { get; set; } = DicomTlsServerOptions.DefaultProtocols;
}
