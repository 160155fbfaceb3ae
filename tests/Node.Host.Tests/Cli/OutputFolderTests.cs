namespace Node.Host.Tests.Cli;

[Description("An --out that names a file, not a folder, ends the command with one line naming the path, not a stack trace.")]
public sealed class OutputFolderTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("ainode-out-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Synth_into_file_fails_in_one_line()
    {
        var file = CreateFile();

        var result = Ainode.Run("synth", "--out", file, "--studies", "1", "--seed", "1");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain($"cannot write the studies to {file}"));
        Assert.That(result.Error, Does.Not.Contain("Unhandled exception"));
    }

    [Test]
    public void Analyze_into_file_fails_in_one_line()
    {
        var input = Path.Combine(_folder, "input");
        Ainode.RunChecked("synth", "--out", input, "--studies", "1", "--seed", "1");
        var file = CreateFile();

        var result = Ainode.Run("analyze", input, "--out", file);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain($"cannot write the results to {file}"));
        Assert.That(result.Error, Does.Not.Contain("Unhandled exception"));
    }

    private string CreateFile()
    {
        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "not a folder");
        return file;
    }
}
