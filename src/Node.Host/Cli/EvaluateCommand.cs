using System.CommandLine;
using Node.Reports.Evaluation;

namespace Node.Host.Cli;

/// <summary>
/// The command <c>ainode evaluate</c>: reads the SR files under a folder, joins them with
/// labels.csv and prints each finding's ROC-AUC, and its sensitivity and specificity at the
/// decision threshold the SRs state, with warnings where the values look damaged.
/// </summary>
public static class EvaluateCommand
{
    /// <summary>Exit code for a reports folder or labels file that does not exist or cannot be read.</summary>
    public const int InputNotFoundExitCode = 3;

    /// <summary>Exit code for a labels file that is malformed.</summary>
    public const int InvalidLabelsExitCode = 4;

    public static Command Create()
    {
        var reports = new Option<string>("--reports")
        {
            Description = "Folder searched recursively for SR files; other files are skipped.",
            Required = true,
        }.RequiringPath();
        var labels = new Option<string>("--labels")
        {
            Description = $"CSV file with the header {LabelSet.Header}; one row per study and finding, label 0 or 1.",
            Required = true,
        }.RequiringPath();
        var json = new Option<bool>("--json")
        {
            Description = "Print the result as JSON instead of a table.",
        };

        var command = new Command("evaluate", "Compute per-finding ROC-AUC, sensitivity and specificity from SR files and labels, and warn about damaged values.")
        {
            reports,
            labels,
            json,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(reports)!,
            parseResult.GetValue(labels)!,
            parseResult.GetValue(json),
            parseResult.InvocationConfiguration));
        return command;
    }

    private static int Run(string reportsFolder, string labelsPath, bool json, InvocationConfiguration console)
    {
        LabelSet labels;
        IReadOnlyList<Node.Reports.Sr.SrDocument> documents;
        var reading = $"--labels {labelsPath}";
        if (Directory.Exists(labelsPath))
        {
            FailureText.Report(console.Error, $"cannot read {reading}", "it is a folder; give the labels CSV file");
            return InputNotFoundExitCode;
        }

        try
        {
            labels = LabelSet.ReadFile(labelsPath);
            reading = $"--reports {reportsFolder}";
            (documents, _) = SrFolder.Read(reportsFolder);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            FailureText.Report(console.Error, $"cannot read {reading}", exception.Message);
            return InputNotFoundExitCode;
        }
        catch (InvalidDataException exception)
        {
            FailureText.Report(console.Error, $"cannot use {reading}", exception.Message);
            return InvalidLabelsExitCode;
        }

        var report = Evaluator.Evaluate(documents, labels);
        console.Output.Write(json ? EvaluationOutput.Json(report) : EvaluationOutput.Table(report));
        foreach (var warning in report.Warnings.Where(_ => json))
        {
            console.Error.WriteLine($"WARNING {warning.Kind}: {warning.Message}");
        }

        return 0;
    }
}
