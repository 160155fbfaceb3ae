using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Node.Host.Tls;

/// <summary>
/// Loads the PEM files of a TLS setup (a certificate with its private key, and a bundle of trusted
/// certificates) and checks a peer's certificate against such a bundle. Every failure is a
/// <see cref="TlsFileException"/> that names the setting, the file and the reason.
/// </summary>
public static class TlsFiles
{
    /// <summary>
    /// Loads the first certificate of <paramref name="certificatePath"/> with the private key of
    /// <paramref name="keyPath"/> (PEM, PKCS#8 or PKCS#1, not encrypted) for SslStream, and the
    /// intermediate CAs that follow it in the file.
    /// </summary>
    /// <remarks>Further certificates in the file (intermediate CAs) come back as <see cref="TlsIdentity.Issuers"/>.</remarks>
    public static TlsIdentity LoadIdentity(string certificatePath, string certificateSetting, string keyPath, string keySetting)
    {
        var certificateText = ReadText(certificatePath, certificateSetting);
        var keyText = ReadText(keyPath, keySetting);
        X509Certificate2 alone;
        try
        {
            alone = X509Certificate2.CreateFromPem(certificateText);
        }
        catch (CryptographicException exception)
        {
            throw new TlsFileException(certificateSetting, certificatePath, $"no PEM certificate in it ({exception.Message.TrimEnd('.')})", exception);
        }

        // Every peer would reject a certificate outside its validity period, so loading stops here, with the dates.
        using (alone)
        {
            var now = DateTime.Now;
            if (alone.NotAfter < now || alone.NotBefore > now)
            {
                throw new TlsFileException(certificateSetting, certificatePath, string.Create(CultureInfo.InvariantCulture, $"the certificate {alone.Subject} is valid from {alone.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} to {alone.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC, not now; renew it"));
            }
        }

        if (keyText.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal) || keyText.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
        {
            throw new TlsFileException(keySetting, keyPath, "the key is encrypted; give it without a password, for example from `openssl pkey -in KEY -out PLAIN-KEY`, and keep that file readable only by the node");
        }

        X509Certificate2 loaded;
        try
        {
            loaded = X509Certificate2.CreateFromPem(certificateText, keyText);
        }
        catch (CryptographicException exception)
        {
            throw new TlsFileException(keySetting, keyPath, $"no private key in it that matches the certificate of {certificateSetting} ({exception.Message.TrimEnd('.')})", exception);
        }

        // A key loaded from PEM is ephemeral, which SslStream does not take for a server certificate on every platform, so the pair is re-imported from PKCS#12.
        using (loaded)
        {
            var certificate = X509CertificateLoader.LoadPkcs12(loaded.Export(X509ContentType.Pkcs12), password: null);
            return new TlsIdentity(certificate, LoadIssuers(certificateText, certificatePath, certificateSetting));
        }
    }

    /// <summary>Loads every certificate of a PEM bundle, the certificates or CAs a peer's certificate must chain to.</summary>
    public static X509Certificate2Collection LoadTrusted(string path, string setting)
    {
        var text = ReadText(path, setting);
        var trusted = new X509Certificate2Collection();
        try
        {
            trusted.ImportFromPem(text);
        }
        catch (CryptographicException exception)
        {
            throw new TlsFileException(setting, path, $"a certificate in it does not load ({exception.Message.TrimEnd('.')})", exception);
        }

        return trusted.Count > 0
            ? trusted
            : throw new TlsFileException(setting, path, "it contains no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }

    /// <summary>
    /// Returns a check that accepts a peer's certificate only where its chain, built from the
    /// certificates the peer sent and <paramref name="trusted"/>, passes through one of
    /// <paramref name="trusted"/>: a root CA, an intermediate CA or the peer's own certificate. Every
    /// certificate up to it must be within its validity period, and revocation is not checked. A
    /// server's certificate must also carry the name the client connected to.
    /// </summary>
    public static RemoteCertificateValidationCallback TrustOnly(X509Certificate2Collection trusted)
    {
        var anchors = trusted.Select(certificate => certificate.Thumbprint).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var roots = trusted.Where(certificate => certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData)).ToArray();
        return (_, certificate, presented, errors) =>
        {
            if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            {
                return false;
            }

            // An anchor that is not a root leaves the chain unfinished, which the flag allows; the anchor check below decides.
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            chain.ChainPolicy.ExtraStore.AddRange(trusted);
            chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (presented is not null)
            {
                chain.ChainPolicy.ExtraStore.AddRange(presented.ChainElements.Select(element => element.Certificate).ToArray());
            }

            using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return chain.Build(leaf) && chain.ChainElements.Any(element => anchors.Contains(element.Certificate.Thumbprint));
        };
    }

    /// <summary>Returns the certificates after the first in a certificate file's PEM text, the intermediate CAs to send with the first.</summary>
    private static X509Certificate2Collection LoadIssuers(string certificateText, string certificatePath, string certificateSetting)
    {
        var all = new X509Certificate2Collection();
        try
        {
            all.ImportFromPem(certificateText);
        }
        catch (CryptographicException exception)
        {
            throw new TlsFileException(certificateSetting, certificatePath, $"a certificate in it does not load ({exception.Message.TrimEnd('.')})", exception);
        }

        var issuers = new X509Certificate2Collection();
        issuers.AddRange(all.Skip(1).ToArray());
        return issuers;
    }

    private static void RequireFile(string path, string setting)
    {
        if (!File.Exists(path))
        {
            throw new TlsFileException(setting, path, Directory.Exists(path) ? "it is a folder, not a file" : "the file does not exist");
        }
    }

    /// <summary>Reads a PEM file whole; a TLS file is a few kilobytes.</summary>
    private static string ReadText(string path, string setting)
    {
        RequireFile(path, setting);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new TlsFileException(setting, path, exception.Message.TrimEnd('.'), exception);
        }
    }
}
