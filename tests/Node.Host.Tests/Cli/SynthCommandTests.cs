namespace Node.Host.Tests.Cli;

public sealed class SynthCommandTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("ainode-synth-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    [Description("An --out that names a file, not a folder, ends the command with one line naming the path, not a stack trace.")]
    public void Synth_into_file_fails_in_one_line()
    {
        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "not a folder");

        var result = Ainode.Run("synth", "--out", file, "--studies", "1", "--seed", "1");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain($"cannot write the studies to {file}"));
        Assert.That(result.Error, Does.Not.Contain("Unhandled exception"));
    }

    [TestCase("--images", "abc", "--images 'abc' is not a whole number.")]
    [TestCase("--seed", "1.5", "--seed '1.5' is not a whole number.")]
    [TestCase("--seed", "99999999999", "--seed '99999999999' is too large.")]
    [TestCase("--modality", "XR", "--modality 'XR' is not one of CT, MG, DX.")]
    [Description("A value that does not convert is a usage error whose line names the option, the value and what it takes, not a .NET type.")]
    public void Unconvertible_value_names_what_fits(string option, string value, string message)
    {
        var values = new Dictionary<string, string> { ["--studies"] = "1", ["--seed"] = "1", [option] = value };
        string[] arguments = ["synth", "--out", _folder, .. values.SelectMany(pair => new[] { pair.Key, pair.Value })];

        var result = Ainode.Run(arguments);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error.TrimEnd().Split('\n')[0], Is.EqualTo(message));
        Assert.That(result.Error, Does.Not.Contain("System."));
        Assert.That(result.Output, Does.Contain("Usage:"), "the help follows on standard output");
    }

    [Test]
    [Description("An empty path would reach the file APIs, which throw; it is a usage error instead.")]
    public void Empty_out_is_usage_error()
    {
        var result = Ainode.Run("synth", "--out", "", "--studies", "1", "--seed", "1");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.StartWith("--out is empty"));
    }
}
