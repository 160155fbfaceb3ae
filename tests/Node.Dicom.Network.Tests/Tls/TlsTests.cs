using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Node.Dicom.Network.Client;
using Node.Dicom.Network.Errors;
using Node.Dicom.Network.Tests.Support;
using Node.Dicom.Network.Transport;

namespace Node.Dicom.Network.Tests.Tls;

/// <summary>C-ECHO over TLS with a self-signed certificate made here.</summary>
[TestFixture]
public sealed class TlsTests
{
    [Test]
    public async Task Echo_over_tls_succeeds()
    {
        using var certificate = CreateCertificate("localhost");
        await using var server = await TestServers.StartAsync(new RecordingStoreHandler(), options => options.Tls = new DicomTlsServerOptions { ServerCertificate = certificate });
        var client = new DicomClient(ClientOptions(server.LocalEndPoint.Port, certificate), TestLoggerFactory.OutputOnly);

        await client.EchoAsync().WaitAsync(TestServers.Guard);
    }

    [Test]
    public async Task Echo_with_client_certificate_succeeds()
    {
        using var serverCertificate = CreateCertificate("localhost");
        using var clientCertificate = CreateCertificate("ainode-client");
        await using var server = await TestServers.StartAsync(new RecordingStoreHandler(), options => options.Tls = new DicomTlsServerOptions
        {
            ServerCertificate = serverCertificate,
            RequireClientCertificate = true,
            ClientCertificateValidation = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == clientCertificate.GetCertHashString(),
        });
        var options = ClientOptions(server.LocalEndPoint.Port, serverCertificate);
        options.Tls!.ClientCertificates = [clientCertificate];
        var client = new DicomClient(options, TestLoggerFactory.OutputOnly);

        await client.EchoAsync().WaitAsync(TestServers.Guard);
    }

    [Test]
    [Description("A client that does not trust the server's certificate fails to connect instead of sending in the clear.")]
    public async Task Untrusted_server_certificate_fails()
    {
        using var certificate = CreateCertificate("localhost");
        using var other = CreateCertificate("localhost");
        await using var server = await TestServers.StartAsync(new RecordingStoreHandler(), options => options.Tls = new DicomTlsServerOptions { ServerCertificate = certificate });
        var client = new DicomClient(ClientOptions(server.LocalEndPoint.Port, other), TestLoggerFactory.OutputOnly);

        Assert.ThrowsAsync<DicomConnectionException>(() => client.EchoAsync().WaitAsync(TestServers.Guard));
    }

    private static DicomClientOptions ClientOptions(int port, X509Certificate2 trusted) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        CalledAeTitle = "AINODE",
        Tls = new DicomTlsClientOptions
        {
            TargetHost = "localhost",
            ServerCertificateValidation = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == trusted.GetCertHashString(),
        },
    };

    /// <summary>Makes a self-signed RSA certificate with its private key, usable by SslStream on Linux.</summary>
    private static X509Certificate2 CreateCertificate(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(subject);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
