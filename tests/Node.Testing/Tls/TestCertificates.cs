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
}
