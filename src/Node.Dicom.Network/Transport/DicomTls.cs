using System.Net.Security;

namespace Node.Dicom.Network.Transport;

/// <summary>Turns the TLS options into the platform's authentication options.</summary>
internal static class DicomTls
{
    public static SslServerAuthenticationOptions ServerOptions(DicomTlsServerOptions options) => new()
    {
        ServerCertificateContext = options.CertificateContext(),
        ClientCertificateRequired = options.RequireClientCertificate,
        RemoteCertificateValidationCallback = options.ClientCertificateValidation,
        EnabledSslProtocols = options.Protocols,
        CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
    };

    public static SslClientAuthenticationOptions ClientOptions(DicomTlsClientOptions options, string host) => new()
    {
        TargetHost = options.TargetHost ?? host,
        ClientCertificates = options.ClientCertificateIssuers is { Count: > 0 } ? null : options.ClientCertificates,
        ClientCertificateContext = options.ClientCertificateIssuers is { Count: > 0 } issuers && options.ClientCertificates is [var certificate, ..]
            ? SslStreamCertificateContext.Create(certificate, issuers, offline: true)
            : null,
        RemoteCertificateValidationCallback = options.ServerCertificateValidation,
        EnabledSslProtocols = options.Protocols,
        CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
    };
}
