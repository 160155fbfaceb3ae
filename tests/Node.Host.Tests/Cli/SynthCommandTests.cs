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
}
