using System.CommandLine;
using Microsoft.Extensions.Logging;
using Node.Host.Analysis;
using Node.Host.Logging;
using Node.Inference.Imaging;
using Node.Inference.Packs;
using Node.Inference.Results;
using Node.Inference.Runtime;
using Node.Reports;

namespace Node.Host.Cli;

/// <summary>
/// The command <c>ainode analyze</c>: runs a model pack over DICOM files and writes, per study,
/// results.json and the reports the node would send: sr.dcm and sc-NNN.dcm.
/// </summary>
public static class AnalyzeCommand
{
    /// <summary>Exit code for a model pack that fails to load.</summary>
    public const int InvalidModelPackExitCode = 2;

    /// <summary>Exit code for an input path that does not exist.</summary>
    public const int InputNotFoundExitCode = 3;

    /// <summary>The default model pack folder, relative to the working folder.</summary>
    public static readonly string DefaultModelPack = Path.Combine("deploy", "models", "reference");

    /// <summary>The reference pack copied beside the executable, used where the working folder has no <see cref="DefaultModelPack"/>.</summary>
    public static readonly string ShippedModelPack = Path.Combine(AppContext.BaseDirectory, "models", "reference");

    /// <param name="loggerFactory">Receives the session's provider line and per-study lines; none where null.</param>
    public static Command Create(ILoggerFactory? loggerFactory = null)
    {
        var input = new Argument<string>("path") { Description = "A DICOM file, or a folder searched recursively." };
        var output = new Option<string>("--out")
        {
            Description = "Folder to write <StudyInstanceUID>/results.json into; created where needed.",
            Required = true,
        }.RequiringPath();
        var model = new Option<string>("--model")
        {
            Description = $"Model pack folder holding model.json and model.onnx. Default: {DefaultModelPack} under the working folder, else the reference pack shipped beside the executable.",
            DefaultValueFactory = _ => Directory.Exists(DefaultModelPack) ? DefaultModelPack : ShippedModelPack,
        };

        var language = new Option<string>("--language")
        {
            Description = "Language of the text in the SR and SC: en or ru. Default: en.",
            DefaultValueFactory = _ => ReportLanguages.EnglishCode,
        };
        language.AcceptingOneOf([.. ReportLanguages.Codes]);
        var noReports = new Option<bool>("--no-reports")
        {
            Description = "Write only results.json, without the SR and SC files.",
        };
        var cpu = new Option<bool>("--cpu")
        {
            Description = "Run the model on the CPU without trying CUDA first, for a machine without a GPU.",
        };

        var command = new Command("analyze", "Analyse DICOM files with a model pack and write each study's results.json, SR and SC.")
        {
            input,
            output,
            model,
            language,
            noReports,
            cpu,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var ownLogging = loggerFactory is null ? CreateLoggerFactory() : null;
            var reports = parseResult.GetValue(noReports) ? null : new ReportOptions { Language = parseResult.GetValue(language)! };
            return await RunAsync(
                parseResult.GetValue(input)!,
                parseResult.GetValue(output)!,
                parseResult.GetValue(model)!,
                reports,
                new InferenceOptions { UseCuda = !parseResult.GetValue(cpu) },
                loggerFactory ?? ownLogging!,
                parseResult.InvocationConfiguration,
                cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Log lines (the execution provider chosen, studies not analysed) go to standard error, so standard output keeps only the summary.</summary>
    private static ILoggerFactory CreateLoggerFactory() => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(LogLevel.Information);
        builder.AddSimpleConsole(console => console.SingleLine = true);
        builder.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    });

    private static async Task<int> RunAsync(string inputPath, string outputDirectory, string packDirectory, ReportOptions? reports, InferenceOptions options, ILoggerFactory loggerFactory, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        // Checked before the model pack loads, which takes a while.
        if (!File.Exists(inputPath) && !Directory.Exists(inputPath))
        {
            FailureText.Report(console.Error, $"cannot analyze {inputPath}", "no such file or folder");
            return InputNotFoundExitCode;
        }

        ModelPack pack;
        try
        {
            pack = new ModelPackLoader(options, loggerFactory.CreateLogger<ModelPackLoader>()).Load(packDirectory);
        }
        catch (ModelPackException exception)
        {
            await console.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return InvalidModelPackExitCode;
        }

        using (pack)
        {
            var analyzer = new StudyAnalyzer(pack, new DicomPixelDataDecoder(), options, loggerFactory.CreateLogger<StudyAnalyzer>());
            try
            {
                var writeReports = reports is null ? null : CreateReportWriter(pack, options, reports, loggerFactory.CreateLogger(typeof(AnalyzeCommand)));
                var summary = await FolderAnalysis.RunAsync(inputPath, outputDirectory, analyzer, loggerFactory.CreateLogger(typeof(AnalyzeCommand)), cancellationToken, writeReports).ConfigureAwait(false);
                await console.Output.WriteLineAsync(
                    $"{summary.StudiesAnalysed} stud(ies) analysed, {summary.StudiesNotAnalysed} not analysed, {summary.FilesSkipped} file(s) skipped; results in {Path.GetFullPath(outputDirectory)}.").ConfigureAwait(false);
                if (summary.FilesRead == 0)
                {
                    // Nothing to analyse is a failure for a script that expects results.
                    var found = summary.FilesSkipped == 0 ? "no file" : $"{summary.FilesSkipped} file(s), none of them readable DICOM (the log names each with its reason)";
                    return FailureText.Report(console.Error, $"nothing analysed in {Path.GetFullPath(inputPath)}", $"found {found}");
                }

                return 0;
            }
            catch (FileNotFoundException exception)
            {
                await console.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
                return InputNotFoundExitCode;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // For example --out names a file, or a folder this user cannot write.
                return FailureText.Report(console.Error, $"cannot write the results to {Path.GetFullPath(outputDirectory)}", FailureText.Reason(exception));
            }
        }
    }

    /// <summary>Writes each study's SR and SC next to its results.json, as the node would send them.</summary>
    private static Action<StudyInput, StudyResult, string> CreateReportWriter(ModelPack pack, InferenceOptions inference, ReportOptions reports, ILogger logger)
    {
        var writer = new StudyReportWriter(reports);
        var fingerprint = SettingsFingerprint.Compute(pack, inference, reports);
        return (study, result, folder) =>
        {
            var sources = study.Instances.Select(instance => new SourceInstance(instance.Dataset, instance.TransferSyntax)).ToList();
            try
            {
                writer.Save(new ReportRequest(result, sources, fingerprint), folder);
            }
            catch (ArgumentException exception)
            {
                // Instances without their UIDs: results.json is kept, but no report can reference them.
                HostLog.ReportsNotWritten(logger, result.StudyInstanceUid, exception.Message);
            }
        };
    }
}
