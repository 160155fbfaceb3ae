using System.Globalization;

namespace Node.Host.Tests.Cli;

[TestFixture]
public sealed class EchoCommandTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("ainode-echo-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Echo_succeeds_against_storescp()
    {
        var (storescp, port) = await DcmtkStorescp.StartAsync(_folder);
        using (storescp)
        {
            var result = Ainode.Run("echo", "--port", Text(port), "--called-ae", DcmtkStorescp.AeTitle);

            Assert.That(result.ExitCode, Is.Zero, result.Error + storescp.Output);
            Assert.That(result.Output.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Output, Does.Contain("0x0000 (Success)"));
            Assert.That(result.Output, Does.Match(@"round trip \d+\.\d ms"));
        }
    }

    [Test]
    [Description("Nothing listens on the port, so the connection is refused; the failure is one line on standard error.")]
    public void Echo_to_closed_port_fails_in_one_line()
    {
        var port = LoopbackPorts.FindFree();

        var result = Ainode.Run("echo", "--port", Text(port), "--timeout", "5");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(result.Error, Does.StartWith($"ainode: C-ECHO to AINODE at 127.0.0.1:{port}: "));
        Assert.That(result.Error, Does.Contain("refused").IgnoreCase);
        Assert.That(result.Output, Is.Empty);
    }

    [TestCase("--port", "0")]
    [TestCase("--port", "65536")]
    [TestCase("--called-ae", "SEVENTEEN_LETTERS")]
    [TestCase("--calling-ae", "BACK\\SLASH")]
    [TestCase("--timeout", "0")]
    [TestCase("--host", "")]
    [TestCase("--port", "abc")]
    [TestCase("--port", "")]
    [TestCase("--timeout", "abc")]
    [TestCase("--timeout", "1,5")]
    [TestCase("--timeout", "5000000")]
    public void Echo_with_invalid_option_is_usage_error(string option, string value)
    {
        var result = Ainode.Run("echo", option, value);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain(option));
    }

    [Test]
    public void Echo_help_states_defaults()
    {
        var result = Ainode.Run("echo", "--help");

        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.Output, Does.Contain("[default: 127.0.0.1]"));
        Assert.That(result.Output, Does.Contain("[default: 11112]"));
        Assert.That(result.Output, Does.Contain("[default: AINODE]"));
        Assert.That(result.Output, Does.Contain("[default: AINODE_SCU]"));
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
