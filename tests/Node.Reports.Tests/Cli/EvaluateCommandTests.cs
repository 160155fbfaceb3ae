using System.CommandLine;
using Node.Host.Cli;
using Node.Reports.Evaluation;
using Node.Reports.Tests.Sr;
using Node.Reports.Tests.Support;

namespace Node.Reports.Tests.Cli;

[Description("ainode evaluate as a user runs it: options, exit codes, table and JSON output.")]
public sealed class EvaluateCommandTests
{
    private IReadOnlyList<AnalysedStudy> _studies = [];

    [OneTimeSetUp]
    public async Task AnalysePhantoms() => _studies = await ReferenceModel.AnalysePhantomsAsync(12, seed: 2718);

    [Test]
    public void Evaluate_prints_table_and_json()
    {
        using var files = new ReportFiles();
        var labels = WriteSetWithLabels(files);

        var (tableCode, table, _) = Invoke("--reports", files.Folder, "--labels", labels);
        var (jsonCode, json, _) = Invoke("--reports", files.Folder, "--labels", labels, "--json");

        Assert.That(tableCode, Is.Zero);
        Assert.That(table, Does.Contain("ROC-AUC").And.Contain("round-masses"));
        Assert.That(jsonCode, Is.Zero);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.That(document.RootElement.GetProperty("Findings").GetArrayLength(), Is.EqualTo(3));
    }

    [Test]
    public void Missing_folder_exits_with_code_3()
    {
        using var files = new ReportFiles();
        var labels = WriteSetWithLabels(files);

        var (code, _, error) = Invoke("--reports", Path.Combine(files.Folder, "absent"), "--labels", labels);

        Assert.That(code, Is.EqualTo(EvaluateCommand.InputNotFoundExitCode));
        Assert.That(error, Does.StartWith($"ainode: cannot read --reports {Path.Combine(files.Folder, "absent")}: "));
    }

    [Test]
    public void Malformed_labels_exit_with_code_4()
    {
        using var files = new ReportFiles();
        var labels = Path.Combine(files.Folder, "labels.csv");
        File.WriteAllText(labels, "Study,Finding\n");

        var (code, _, error) = Invoke("--reports", files.Folder, "--labels", labels);

        Assert.That(code, Is.EqualTo(EvaluateCommand.InvalidLabelsExitCode));
        Assert.That(error, Does.StartWith($"ainode: cannot use --labels {labels}: "));
        Assert.That(error, Does.Contain("line 1"));
    }

    private string WriteSetWithLabels(ReportFiles files)
    {
        var lines = new List<string> { LabelSet.Header };
        foreach (var (study, index) in _studies.Select((study, index) => (study, index)))
        {
            files.Save(SrValidationTests.Writer("en").Write(study.Request), $"reports/study-{index:D3}/sr.dcm");
            lines.AddRange(study.Labels.Select(label => $"{study.Result.StudyInstanceUid},{label.Key},{(label.Value ? 1 : 0)}"));
        }

        var path = Path.Combine(files.Folder, "labels.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static (int ExitCode, string Output, string Error) Invoke(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { EvaluateCommand.Create() };
        var exitCode = root.Parse(["evaluate", .. arguments]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
