using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Node.Testing;

/// <summary>Self-signed certificates made at run time for TLS tests, written as PEM files that DCMTK and the node both read.</summary>
public static class TestCertificates
{
    /// <summary>
    /// Writes <c>NAME.pem</c> (a self-signed RSA 2048 certificate for <c>CN=<paramref name="subject"/></c>,
    /// valid for localhost and 127.0.0.1, for a day) and <c>NAME.key</c> (its PKCS#8 private key) into
    /// <paramref name="folder"/>, and returns both paths.
    /// </summary>
    public static (string Certificate, string Key) Write(string folder, string name, string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));

        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(folder, name + ".pem");
        var keyPath = Path.Combine(folder, name + ".key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    /// <summary>
    /// Writes a small PKI into <paramref name="folder"/>: <c>root.pem</c> (a self-signed CA),
    /// <c>intermediate.pem</c> (a CA signed by the root), <c>NAME.pem</c> (a certificate for
    /// localhost and 127.0.0.1 signed by the intermediate, followed by the intermediate, as a server
    /// sends its chain) and <c>NAME.key</c>. Returns the paths of the root, the intermediate, the
    /// chain file and the key.
    /// </summary>
    public static (string Root, string Intermediate, string Chain, string Key) WriteChain(string folder, string name)
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = RSA.Create(2048);
        using var root = CaRequest("CN=ainode test root", rootKey).CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));

        using var intermediateKey = RSA.Create(2048);
        using var intermediatePublic = CaRequest("CN=ainode test intermediate", intermediateKey).Create(root, now.AddMinutes(-5), now.AddDays(2), [1]);
        using var intermediate = intermediatePublic.CopyWithPrivateKey(intermediateKey);

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        using var leaf = request.Create(intermediate, now.AddMinutes(-5), now.AddDays(1), [2]);

        var paths = (Root: Path.Combine(folder, "root.pem"), Intermediate: Path.Combine(folder, "intermediate.pem"), Chain: Path.Combine(folder, name + ".pem"), Key: Path.Combine(folder, name + ".key"));
        File.WriteAllText(paths.Root, root.ExportCertificatePem());
        File.WriteAllText(paths.Intermediate, intermediate.ExportCertificatePem());
        File.WriteAllText(paths.Chain, leaf.ExportCertificatePem() + "\n" + intermediate.ExportCertificatePem());
        File.WriteAllText(paths.Key, key.ExportPkcs8PrivateKeyPem());
        return paths;
    }

    /// <summary>A request for a CA certificate: basic constraints CA, certificate signing, and a subject key identifier.</summary>
    private static CertificateRequest CaRequest(string subject, RSA key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request;
    }

    /// <summary>Writes <c>KEYNAME.key</c> into <paramref name="folder"/> and returns the PEM text of a self-signed certificate for it that expired a year ago.</summary>
    public static string WriteExpired(string folder, string keyName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddYears(-1));
        File.WriteAllText(Path.Combine(folder, keyName + ".key"), key.ExportPkcs8PrivateKeyPem());
        return certificate.ExportCertificatePem();
    }
}
