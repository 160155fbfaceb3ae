using Node.Dicom.Network.Transport;
using Node.Host.Tls;

namespace Node.Host.Configuration;

/// <summary>
/// DICOM over TLS to one destination (PS3.15 B.1), under <c>Destinations:Peers:N:Tls</c>. Off by
/// default; with <see cref="Enabled"/> the node connects with TLS and checks the destination's
/// certificate.
/// </summary>
public sealed class DestinationTlsOptions
{
    /// <summary>Whether the node connects to this destination with TLS. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>PEM bundle of the certificates or CAs that the destination's certificate must chain to. Empty (the default) trusts the CAs of the machine.</summary>
    public string TrustedCertificatesFile { get; set; } = string.Empty;

    /// <summary>PEM file with the certificate the node presents when the destination requests one. Empty (the default) presents none.</summary>
    public string CertificateFile { get; set; } = string.Empty;

    /// <summary>PEM file with the private key of <see cref="CertificateFile"/>, not encrypted.</summary>
    public string PrivateKeyFile { get; set; } = string.Empty;

    /// <summary>Name the destination's certificate must carry. Empty (the default) uses the destination's Host.</summary>
    public string ServerName { get; set; } = string.Empty;

    /// <summary>Adds one message per invalid setting, with keys under <paramref name="key"/>; loads the files to find out.</summary>
    public void Validate(List<string> errors, string key)
    {
        var filesGiven = TrustedCertificatesFile.Length > 0 || CertificateFile.Length > 0 || PrivateKeyFile.Length > 0 || ServerName.Length > 0;
        if (!Enabled)
        {
            if (filesGiven)
            {
                errors.Add($"{key}:{nameof(Enabled)} is false, so {key}:{nameof(TrustedCertificatesFile)}, {nameof(CertificateFile)}, {nameof(PrivateKeyFile)} and {nameof(ServerName)} would be ignored; set {nameof(Enabled)} to true for TLS.");
            }

            return;
        }

        if ((CertificateFile.Length > 0) != (PrivateKeyFile.Length > 0))
        {
            errors.Add($"{key}:{nameof(CertificateFile)} and {nameof(PrivateKeyFile)} go together: set both to present a certificate, or neither.");
            return;
        }

        try
        {
            foreach (var certificate in ToClientOptions(key)?.ClientCertificates ?? [])
            {
                certificate.Dispose();
            }
        }
        catch (TlsFileException exception)
        {
            errors.Add(exception.Message);
        }
    }

    /// <summary>Loads the files into the client's TLS options; null where TLS is off.</summary>
    /// <param name="key">The section's key, such as <c>Destinations:Peers:0:Tls</c>, for the messages.</param>
    /// <exception cref="TlsFileException">A file is missing or does not load.</exception>
    public DicomTlsClientOptions? ToClientOptions(string key)
    {
        if (!Enabled)
        {
            return null;
        }

        var options = new DicomTlsClientOptions { TargetHost = ServerName.Length > 0 ? ServerName : null };
        if (TrustedCertificatesFile.Length > 0)
        {
            options.ServerCertificateValidation = TlsFiles.TrustOnly(TlsFiles.LoadTrusted(TrustedCertificatesFile, $"{key}:{nameof(TrustedCertificatesFile)}"));
        }

        if (CertificateFile.Length > 0)
        {
            var identity = TlsFiles.LoadIdentity(CertificateFile, $"{key}:{nameof(CertificateFile)}", PrivateKeyFile, $"{key}:{nameof(PrivateKeyFile)}");
            options.ClientCertificates = [identity.Certificate];
            options.ClientCertificateIssuers = identity.Issuers;
        }

        return options;
    }
}
