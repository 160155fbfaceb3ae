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
