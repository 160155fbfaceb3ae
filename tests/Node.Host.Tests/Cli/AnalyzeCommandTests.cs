namespace Node.Host.Tests.Cli;

public sealed class AnalyzeCommandTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("ainode-analyze-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    [Description("--cpu runs the model on the CPU without the warning that CUDA failed to load, which a machine without a GPU would otherwise print on every run.")]
    public void Analyze_with_cpu_skips_cuda()
    {
        var input = Path.Combine(_folder, "input");
        Ainode.RunChecked("synth", "--out", input, "--studies", "1", "--seed", "1");

        var result = Ainode.Run("analyze", input, "--out", Path.Combine(_folder, "output"), "--cpu", "--no-reports");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Error, Does.Contain("UseCuda is false"));
        Assert.That(result.Error, Does.Not.Contain("failed to load"));
        Assert.That(result.Output, Does.Contain("1 stud(ies) analysed"));
    }
}
