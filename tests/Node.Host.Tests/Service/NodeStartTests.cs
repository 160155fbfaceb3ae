namespace Node.Host.Tests.Service;

/// <summary>The node started as a process with invalid settings: it does not start, and names the invalid key and the reason.</summary>
[TestFixture]
public sealed class NodeStartTests
{
    /// <summary>sysexits' EX_CONFIG, the node's exit code for invalid settings.</summary>
    private const int InvalidSettingsExitCode = 78;

    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("ainode-start-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Missing_model_pack_stops_start()
    {
        var settings = NodeProcess.BaseSettings(LoopbackPorts.FindFree());
        settings["Inference:ModelPacks:0"] = Path.Combine(_folder, "no-such-pack");

        var (exitCode, output) = RunToExit(settings);

        Assert.That(exitCode, Is.EqualTo(InvalidSettingsExitCode), output);
        Assert.That(output, Does.Contain("Inference:ModelPacks:0 = \"" + Path.Combine(_folder, "no-such-pack") + "\": no such folder"));
    }

    [Test]
    public void Unwritable_storage_folder_stops_start()
    {
        var settings = NodeProcess.BaseSettings(LoopbackPorts.FindFree());
        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "not a folder");
        settings["Storage:Root"] = Path.Combine(file, "var");

        var (exitCode, output) = RunToExit(settings);

        Assert.That(exitCode, Is.EqualTo(InvalidSettingsExitCode), output);
        Assert.That(output, Does.Contain("Storage:Root: the folder"));
    }

    [Test]
    public void Misspelt_environment_key_stops_start()
    {
        var settings = NodeProcess.BaseSettings(LoopbackPorts.FindFree());
        settings["StudyAssembly:QuietPeriode"] = "00:00:05";

        var (exitCode, output) = RunToExit(settings);

        Assert.That(exitCode, Is.EqualTo(InvalidSettingsExitCode), output);
        Assert.That(output, Does.Contain("invalid setting: StudyAssembly:QuietPeriode is not a known setting"));
    }

    [Test]
    public void Each_invalid_setting_gets_one_line()
    {
        var settings = NodeProcess.BaseSettings(LoopbackPorts.FindFree());
        settings["Dicom:Port"] = "0";
        settings["Reporting:Language"] = "fr";
        settings["Destinations:MaxRetryAttempts"] = "-1";

        var (exitCode, output) = RunToExit(settings);

        Assert.That(exitCode, Is.EqualTo(InvalidSettingsExitCode), output);
        Assert.That(NodeLines(output, "invalid setting: Dicom:Port = 0"), Is.EqualTo(1), output);
        Assert.That(NodeLines(output, "invalid setting: Reporting:Language = \"fr\""), Is.EqualTo(1), output);
        Assert.That(NodeLines(output, "invalid setting: Destinations:MaxRetryAttempts = -1"), Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("3 problem(s)"));
    }

    [Test]
    public void Malformed_settings_file_stops_start()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), "{ \"Dicom\": { \"Port\": 104, }");
        var settings = NodeProcess.BaseSettings(LoopbackPorts.FindFree());

        var (exitCode, output) = RunToExit(settings);

        Assert.That(exitCode, Is.EqualTo(InvalidSettingsExitCode), output);
        Assert.That(output, Does.Contain("not valid JSON"));
    }

    [TestCase("--settings", "FILE", "serve")]
    [TestCase("serve", "--settings", "FILE")]
    [Description("The settings file is read whether --settings comes before serve or after it; a missing one stops the start either way.")]
    public void Settings_file_read_on_either_side(string first, string second, string third)
    {
        var missing = Path.Combine(_folder, "missing.json");
        string[] arguments = [.. new[] { first, second, third }.Select(argument => argument == "FILE" ? missing : argument)];

        var result = Ainode.Run(arguments);

        Assert.That(result.ExitCode, Is.EqualTo(InvalidSettingsExitCode), result.Output + result.Error);
        Assert.That(result.Error, Does.Contain($"the settings file \"{missing}\" does not exist"));
    }

    [Test]
    [Description("A tool command would ignore the node's settings file, so naming one with it is a usage error.")]
    public void Settings_with_tool_command_is_usage_error()
    {
        var result = Ainode.Run("--settings", Path.Combine(_folder, "x.json"), "echo", "--port", "1");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--settings applies only to the node"));
    }

    [Test]
    [Description("Two settings files, one before and one after 'serve': only one would be read, so it is a usage error and the node does not start.")]
    public void Settings_given_twice_is_usage_error()
    {
        var result = Ainode.Run("--settings", Path.Combine(_folder, "a.json"), "serve", "--settings", Path.Combine(_folder, "b.json"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--settings is given both before and after 'serve'"));
    }

    [Test]
    [Description("A TLS certificate file that does not exist stops the start with the key and the path, instead of a listener that takes connections it cannot secure.")]
    public void Missing_tls_certificate_stops_start()
    {
        var settings = NodeProcess.BaseSettings(LoopbackPorts.FindFree());
        var missing = Path.Combine(_folder, "node.pem");
        settings["Dicom:Tls:CertificateFile"] = missing;
        settings["Dicom:Tls:PrivateKeyFile"] = Path.Combine(_folder, "node.key");

        var (exitCode, output) = RunToExit(settings);

        Assert.That(exitCode, Is.EqualTo(InvalidSettingsExitCode), output);
        Assert.That(output, Does.Contain($"cannot read Dicom:Tls:CertificateFile \"{missing}\": the file does not exist"));
    }

    [Test]
    [Description("Client certificates required without a file of trusted certificates: the node would have nothing to check them against.")]
    public void Client_certificates_without_trust_stop_start()
    {
        var (certificate, key) = TestCertificates.Write(_folder, "node", "localhost");
        var settings = NodeProcess.BaseSettings(LoopbackPorts.FindFree());
        settings["Dicom:Tls:CertificateFile"] = certificate;
        settings["Dicom:Tls:PrivateKeyFile"] = key;
        settings["Dicom:Tls:RequireClientCertificate"] = "true";

        var (exitCode, output) = RunToExit(settings);

        Assert.That(exitCode, Is.EqualTo(InvalidSettingsExitCode), output);
        Assert.That(output, Does.Contain("Dicom:Tls:TrustedCertificatesFile is empty while RequireClientCertificate is true"));
    }

    [Test]
    [Description("The node with Dicom:Tls set answers DCMTK's echoscu over TLS and says so in its start line.")]
    public async Task Node_with_tls_answers_echoscu()
    {
        var echoscu = Peers.RequireProgram("echoscu", "dcmtk");
        var (certificate, key) = TestCertificates.Write(_folder, "node", "localhost");
        var port = LoopbackPorts.FindFree();
        var settings = NodeProcess.BaseSettings(port);
        settings["Dicom:Tls:CertificateFile"] = certificate;
        settings["Dicom:Tls:PrivateKeyFile"] = key;

        using var node = await NodeProcess.StartAsync(_folder, settings);
        var result = ProgramRun.Run(echoscu, "-aec", "AINODE", "+tla", "+cf", certificate, "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(result.ExitCode, Is.Zero, result.Error + node.Output);
        Assert.That(node.Output, Does.Contain("over TLS"));
    }

    [Test]
    public void Dicom_port_in_use_stops_start()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var settings = NodeProcess.BaseSettings(port);

        var (exitCode, output) = RunToExit(settings);

        Assert.That(exitCode, Is.EqualTo(InvalidSettingsExitCode), output);
        Assert.That(output, Does.Contain($"cannot listen on Dicom:BindAddress and Dicom:Port (127.0.0.1:{port})"));
        Assert.That(output, Does.Not.Contain("Unhandled exception"));
    }

    [Test]
    [Description("Two nodes on one storage root would both take the jobs in Analysing as left behind by a stopped process. The second stops at start, and once the first has stopped, a node starts there again.")]
    public async Task Second_node_on_same_storage_stops()
    {
        using var first = await NodeProcess.StartAsync(_folder, NodeProcess.BaseSettings(LoopbackPorts.FindFree()));

        var (exitCode, output) = RunToExit(NodeProcess.BaseSettings(LoopbackPorts.FindFree()));

        Assert.That(exitCode, Is.EqualTo(InvalidSettingsExitCode), output);
        Assert.That(output, Does.Contain("ainode: the node did not start: Storage:Root = "));
        Assert.That(output, Does.Contain("another ainode process uses this folder"));
        Assert.That(output, Does.Not.Contain("invalid setting"), "the settings are valid; another node holds the folder");
        first.Terminate();
        Assert.That(first.WaitForExit(), Is.Zero, first.Output);
        using var next = await NodeProcess.StartAsync(_folder, NodeProcess.BaseSettings(LoopbackPorts.FindFree()));
        next.Terminate();
        Assert.That(next.WaitForExit(), Is.Zero, next.Output);
    }

    [Test]
    public async Task Second_node_on_same_job_store_stops()
    {
        using var first = await NodeProcess.StartAsync(_folder, NodeProcess.BaseSettings(LoopbackPorts.FindFree()));
        var settings = NodeProcess.BaseSettings(LoopbackPorts.FindFree());
        settings["Storage:Root"] = Path.Combine(_folder, "second");
        settings["JobStore:SqlitePath"] = Path.Combine(_folder, "var", "jobs.db");

        var (exitCode, output) = RunToExit(settings);

        Assert.That(exitCode, Is.EqualTo(InvalidSettingsExitCode), output);
        Assert.That(output, Does.Contain("JobStore:SqlitePath = \"" + Path.Combine(_folder, "var") + "\": another ainode process uses this folder"));
        first.Terminate();
        Assert.That(first.WaitForExit(), Is.Zero, first.Output);
    }

    private (int ExitCode, string Output) RunToExit(Dictionary<string, string> settings)
    {
        using var node = NodeProcess.StartWithoutWaiting(_folder, settings);
        var exitCode = node.WaitForExit();
        return (exitCode, node.Output);
    }

    private static int NodeLines(string output, string text) =>
        output.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));
}
