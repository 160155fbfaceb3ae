using System.Text.Json.Serialization;
using Node.Dicom.Network.Transport;
using Node.Host.Tls;

namespace Node.Host.Configuration;

/// <summary>
/// DICOM over TLS on the node's listener (PS3.15 B.1, the basic TLS secure transport connection
/// profile), configuration section "Dicom:Tls". Set <see cref="CertificateFile"/> and
/// <see cref="PrivateKeyFile"/> to turn it on; the port then takes TLS connections only.
/// </summary>
public sealed class DicomTlsOptions
{
    public const string SectionName = DicomOptions.SectionName + ":Tls";

    /// <summary>PEM file with the node's certificate. Empty (the default) leaves the listener without TLS.</summary>
    public string CertificateFile { get; set; } = string.Empty;

    /// <summary>PEM file with the private key of <see cref="CertificateFile"/>, not encrypted.</summary>
    public string PrivateKeyFile { get; set; } = string.Empty;

    /// <summary>Whether every caller must present a certificate that chains to <see cref="TrustedCertificatesFile"/>. Default false.</summary>
    public bool RequireClientCertificate { get; set; }

    /// <summary>PEM bundle of the certificates or CAs that callers' certificates must chain to; needed with <see cref="RequireClientCertificate"/>.</summary>
    public string TrustedCertificatesFile { get; set; } = string.Empty;

    /// <summary>Whether the listener takes TLS: a certificate or key file is named.</summary>
    [JsonIgnore]
    public bool IsEnabled => CertificateFile.Length > 0 || PrivateKeyFile.Length > 0;

    /// <summary>Adds one message per invalid setting; loads the files to find out.</summary>
    public void Validate(List<string> errors)
    {
        if (!IsEnabled)
        {
            if (RequireClientCertificate || TrustedCertificatesFile.Length > 0)
            {
                errors.Add($"{SectionName}:{nameof(CertificateFile)} and {nameof(PrivateKeyFile)} are empty, so TLS is off and {SectionName}:{nameof(RequireClientCertificate)} and {nameof(TrustedCertificatesFile)} would be ignored; set the node's certificate and key files.");
            }

            return;
        }

        if ((CertificateFile.Length > 0) != (PrivateKeyFile.Length > 0))
        {
            errors.Add($"{SectionName}:{nameof(CertificateFile)} and {nameof(PrivateKeyFile)} go together: set both for TLS, or neither.");
            return;
        }

        if (RequireClientCertificate && TrustedCertificatesFile.Length == 0)
        {
            errors.Add($"{SectionName}:{nameof(TrustedCertificatesFile)} is empty while {nameof(RequireClientCertificate)} is true; set a PEM file with the certificates or CAs that callers' certificates must chain to.");
        }

        // Callers are asked for a certificate only where one is required, so the file would turn every caller away.
        if (!RequireClientCertificate && TrustedCertificatesFile.Length > 0)
        {
            errors.Add($"{SectionName}:{nameof(TrustedCertificatesFile)} is set while {nameof(RequireClientCertificate)} is false, so callers would not be asked for a certificate to check against it; set {nameof(RequireClientCertificate)} to true, or leave the file empty.");
        }

        try
        {
            ToServerOptions()?.ServerCertificate?.Dispose();
        }
        catch (TlsFileException exception)
        {
            errors.Add(exception.Message);
        }
    }

    /// <summary>Loads the files into the listener's TLS options; null where TLS is off.</summary>
    /// <exception cref="TlsFileException">A file is missing or does not load.</exception>
    public DicomTlsServerOptions? ToServerOptions()
    {
        if (!IsEnabled)
        {
            return null;
        }

        var identity = TlsFiles.LoadIdentity(CertificateFile, $"{SectionName}:{nameof(CertificateFile)}", PrivateKeyFile, $"{SectionName}:{nameof(PrivateKeyFile)}");
        var options = new DicomTlsServerOptions
        {
            ServerCertificate = identity.Certificate,
            ServerCertificateIssuers = identity.Issuers,
            RequireClientCertificate = RequireClientCertificate,
        };
        if (TrustedCertificatesFile.Length > 0)
        {
            options.ClientCertificateValidation = TlsFiles.TrustOnly(TlsFiles.LoadTrusted(TrustedCertificatesFile, $"{SectionName}:{nameof(TrustedCertificatesFile)}"));
        }

        return options;
    }
}
