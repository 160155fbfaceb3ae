using Node.Dicom.IO;
using Node.Dicom.Tags;

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

    [Test]
    [Description("A script that runs analyze expects results: a folder with no readable DICOM file ends with exit status 1 and one line that says why.")]
    public void Analyze_of_unreadable_files_fails()
    {
        var input = Directory.CreateDirectory(Path.Combine(_folder, "input")).FullName;
        File.WriteAllText(Path.Combine(input, "notes.txt"), "not DICOM");

        var result = Ainode.Run("analyze", input, "--out", Path.Combine(_folder, "output"), "--cpu");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain($"ainode: nothing analysed in {input}: found 1 file(s), none of them readable DICOM"));
    }

    [Test]
    public void Analyze_into_file_fails_in_one_line()
    {
        var input = Path.Combine(_folder, "input");
        Ainode.RunChecked("synth", "--out", input, "--studies", "1", "--seed", "1");
        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "not a folder");

        var result = Ainode.Run("analyze", input, "--out", file, "--cpu");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Does.Contain($"cannot write the results to {file}"));
        Assert.That(result.Error, Does.Not.Contain("Unhandled exception"));
    }

    [Test]
    [Description("--language takes RU as ru, as --modality takes ct as CT: the SR's series description comes in Russian.")]
    public void Analyze_language_ignores_case()
    {
        var input = Path.Combine(_folder, "input");
        var output = Path.Combine(_folder, "output");
        Ainode.RunChecked("synth", "--out", input, "--studies", "1", "--seed", "1");

        var result = Ainode.Run("analyze", input, "--out", output, "--cpu", "--language", "RU");

        var report = Directory.GetFiles(output, "sr.dcm", SearchOption.AllDirectories).Single();
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(DicomFile.Open(report).Dataset.GetString(DicomTags.SeriesDescription), Is.EqualTo("Результаты ИИ (SR)"));
    }

    [Test]
    [Description("A language outside the list is a usage error that names the option and the languages.")]
    public void Unknown_language_names_choices()
    {
        var result = Ainode.Run("analyze", _folder, "--out", Path.Combine(_folder, "output"), "--language", "de");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error.TrimEnd().Split('\n')[0], Is.EqualTo("--language 'de' is not one of en, ru."));
    }
}
