using System.Globalization;

namespace Node.Host.Tests.Cli;

/// <summary>DICOM over TLS between the node's tools and DCMTK, with self-signed certificates made for each test.</summary>
[TestFixture]
public sealed class TlsCommandTests
{
    /// <summary>Longest a receiver may run in one test before it is killed by PID.</summary>
    private static readonly TimeSpan ReceiverLimit = TimeSpan.FromSeconds(120);

    private string _folder = null!;
    private string _out = null!;
    private (string Certificate, string Key) _server;
    private (string Certificate, string Key) _client;

    [SetUp]
    public void CreateCertificates()
    {
        _folder = Directory.CreateTempSubdirectory("ainode-tls-").FullName;
        _out = Path.Combine(_folder, "out");
        _server = TestCertificates.Write(_folder, "server", "localhost");
        _client = TestCertificates.Write(_folder, "client", "ainode-test-scu");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    [Description("DCMTK's storescu over TLS, trusting the receiver's certificate, stores a file; a plain echoscu on the same port gets no association.")]
    public async Task Receive_over_tls_takes_storescu()
    {
        var storescu = Peers.RequireProgram("storescu", "dcmtk");
        var echoscu = Peers.RequireProgram("echoscu", "dcmtk");
        var sample = Peers.PydicomSample("CT_small.dcm");
        var (receiver, port) = await StartReceiverAsync("--tls-cert", _server.Certificate, "--tls-key", _server.Key);
        using (receiver)
        {
            var stored = ProgramRun.Run(storescu, "-aec", "AINODE", "+tla", "+cf", _server.Certificate, "127.0.0.1", Text(port), sample);
            var plain = ProgramRun.Run(echoscu, "-aec", "AINODE", "127.0.0.1", Text(port));

            Assert.That(stored.ExitCode, Is.Zero, stored.Error + receiver.Output);
            Assert.That(Directory.GetFiles(_out, "*.dcm"), Has.Length.EqualTo(1));
            Assert.That(plain.ExitCode, Is.Not.Zero, "a connection without TLS must not get an association");
            Assert.That(receiver.Output, Does.Contain("over TLS"));
        }
    }

    [Test]
    [Description("With --tls-client-ca, echoscu with the trusted client certificate gets its echo, and echoscu without a certificate does not.")]
    public async Task Receive_requires_trusted_client_certificate()
    {
        var echoscu = Peers.RequireProgram("echoscu", "dcmtk");
        var (receiver, port) = await StartReceiverAsync("--tls-cert", _server.Certificate, "--tls-key", _server.Key, "--tls-client-ca", _client.Certificate);
        using (receiver)
        {
            var withCertificate = ProgramRun.Run(echoscu, "-aec", "AINODE", "+tls", _client.Key, _client.Certificate, "+cf", _server.Certificate, "127.0.0.1", Text(port));
            var without = ProgramRun.Run(echoscu, "-aec", "AINODE", "+tla", "+cf", _server.Certificate, "127.0.0.1", Text(port));
            var untrusted = ProgramRun.Run(echoscu, "-aec", "AINODE", "+tls", _server.Key, _server.Certificate, "+cf", _server.Certificate, "127.0.0.1", Text(port));

            Assert.That(withCertificate.ExitCode, Is.Zero, withCertificate.Error + receiver.Output);
            Assert.That(without.Output + without.Error, Does.Contain("Association Request Failed"));
            Assert.That(untrusted.Output + untrusted.Error, Does.Contain("Association Request Failed"));
            Assert.That(receiver.Output, Does.Contain("client certificate required"));
        }
    }

    [Test]
    [Description("ainode send over TLS with a client certificate reaches DCMTK's storescp, which checks the certificate against its trusted file.")]
    public async Task Send_over_tls_reaches_storescp()
    {
        var sample = Peers.PydicomSample("CT_small.dcm");
        var received = Directory.CreateDirectory(Path.Combine(_folder, "storescp")).FullName;
        var (storescp, port) = await DcmtkStorescp.StartAsync(received, LoopbackPorts.FindFree(), "+tls", _server.Key, _server.Certificate, "+cf", _client.Certificate);
        using (storescp)
        {
            var result = Ainode.Run("send", "--port", Text(port), "--called-ae", DcmtkStorescp.AeTitle, "--tls-ca", _server.Certificate, "--tls-cert", _client.Certificate, "--tls-key", _client.Key, sample);

            Assert.That(result.ExitCode, Is.Zero, result.Error + storescp.Output);
            Assert.That(result.Output, Does.Contain("sent 1, warnings 0, failed 0"));
            Assert.That(Directory.GetFiles(received), Has.Length.EqualTo(1));
        }
    }

    [Test]
    [Description("A certificate signed by an intermediate CA: the receiver sends the intermediate with it, so a peer that trusts only the root connects, and a peer that trusts only the intermediate connects too.")]
    public async Task Intermediate_ca_chain_is_trusted()
    {
        var echoscu = Peers.RequireProgram("echoscu", "dcmtk");
        var pki = Directory.CreateDirectory(Path.Combine(_folder, "pki")).FullName;
        var (root, intermediate, chain, key) = TestCertificates.WriteChain(pki, "server");
        var (receiver, port) = await StartReceiverAsync("--tls-cert", chain, "--tls-key", key);
        using (receiver)
        {
            var byRoot = Ainode.Run("echo", "--port", Text(port), "--tls-ca", root);
            var byIntermediate = Ainode.Run("echo", "--port", Text(port), "--tls-ca", intermediate);
            var dcmtk = ProgramRun.Run(echoscu, "-aec", "AINODE", "+tla", "+cf", root, "127.0.0.1", Text(port));

            Assert.That(byRoot.ExitCode, Is.Zero, byRoot.Error + receiver.Output);
            Assert.That(byIntermediate.ExitCode, Is.Zero, byIntermediate.Error);
            Assert.That(dcmtk.ExitCode, Is.Zero, dcmtk.Output + dcmtk.Error);
        }
    }

    [Test]
    [Description("A certificate outside its validity period is refused when loaded, with its dates, instead of a listener that every peer turns away.")]
    public void Expired_certificate_fails_at_start()
    {
        var expired = Path.Combine(_folder, "expired.pem");
        File.WriteAllText(expired, TestCertificates.WriteExpired(_folder, "expired-key"));

        var result = Ainode.Run("receive", "--out", _out, "--tls-cert", expired, "--tls-key", Path.Combine(_folder, "expired-key.key"));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.StartWith($"ainode: cannot read --tls-cert {expired}: the certificate CN=localhost is valid from "));
        Assert.That(result.Error, Does.Contain("not now; renew it"));
    }

    [Test]
    [Description("A server certificate that does not chain to --tls-ca ends the echo with one line that names the option.")]
    public async Task Echo_with_other_ca_fails()
    {
        var (receiver, port) = await StartReceiverAsync("--tls-cert", _server.Certificate, "--tls-key", _server.Key);
        using (receiver)
        {
            var result = Ainode.Run("echo", "--port", Text(port), "--tls-ca", _client.Certificate);

            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Error, Does.Contain("TLS").And.Contain("--tls-ca"));
        }
    }

    [Test]
    [Description("A receiver that requires a client certificate closes the connection of a caller without one; the caller's line says what over TLS can cause that.")]
    public async Task Echo_without_required_certificate_hints()
    {
        var (receiver, port) = await StartReceiverAsync("--tls-cert", _server.Certificate, "--tls-key", _server.Key, "--tls-client-ca", _client.Certificate);
        using (receiver)
        {
            var result = Ainode.Run("echo", "--port", Text(port), "--tls-ca", _server.Certificate, "--timeout", "5");

            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Error, Does.Contain("over TLS: the peer may have rejected this program's certificate, or need one"));
        }
    }

    [Test]
    [Description("--tls alone trusts this machine's CAs, which do not include a self-signed test certificate: the line says to give its CA with --tls-ca.")]
    public async Task Unknown_ca_hints_tls_ca()
    {
        var (receiver, port) = await StartReceiverAsync("--tls-cert", _server.Certificate, "--tls-key", _server.Key);
        using (receiver)
        {
            var result = Ainode.Run("echo", "--port", Text(port), "--tls", "--timeout", "5");

            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("give its CA with --tls-ca"));
        }
    }

    [Test]
    [Description("TLS to a receiver without TLS: the line says the port may take DICOM without TLS.")]
    public async Task Tls_to_plain_port_hints()
    {
        var (receiver, port) = await StartReceiverAsync();
        using (receiver)
        {
            var result = Ainode.Run("echo", "--port", Text(port), "--tls-ca", _server.Certificate, "--timeout", "5");

            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Error, Does.Contain("TLS").And.Contain("without TLS"));
        }
    }

    [Test]
    public void Missing_certificate_file_fails_in_one_line()
    {
        var missing = Path.Combine(_folder, "missing.pem");

        var result = Ainode.Run("receive", "--out", _out, "--tls-cert", missing, "--tls-key", _server.Key);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error.TrimEnd(), Is.EqualTo($"ainode: cannot read --tls-cert {missing}: the file does not exist"));
    }

    [Test]
    [Description("A key that belongs to another certificate is reported against --tls-key.")]
    public void Mismatched_key_names_the_key()
    {
        var result = Ainode.Run("echo", "--tls-cert", _client.Certificate, "--tls-key", _server.Key);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.StartWith($"ainode: cannot read --tls-key {_server.Key}: "));
    }

    [TestCase("receive", "--tls-key", Description = "A key without its certificate.")]
    [TestCase("echo", "--tls-cert", Description = "A certificate without its key.")]
    public void Half_a_key_pair_is_usage_error(string command, string option)
    {
        string[] arguments = command == "receive" ? ["receive", "--out", _out, option, _server.Key] : [command, option, _server.Certificate];

        var result = Ainode.Run(arguments);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--tls-cert and --tls-key go together"));
    }

    private async Task<(BackgroundProcess Process, int Port)> StartReceiverAsync(params string[] tls)
    {
        var port = LoopbackPorts.FindFree();
        var receiver = Ainode.Start(ReceiverLimit, ["receive", "--out", _out, "--port", Text(port), "--bind", "127.0.0.1", "--log-format", "text", .. tls]);
        await receiver.WaitForPortAsync(port);
        return (receiver, port);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
