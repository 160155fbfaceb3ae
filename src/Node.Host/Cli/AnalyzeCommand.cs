using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Node.Inference.Imaging;
using Node.Inference.Packs;
using Node.Inference.Runtime;

namespace Node.Host.Cli;

/// <summary>The command <c>ainode analyze</c>: runs a model pack over DICOM files and writes results.json per study.</summary>
public static class AnalyzeCommand
{
    /// <summary>Exit code for a model pack that fails to load.</summary>
    public const int InvalidModelPackExitCode = 2;

    /// <summary>Exit code for an input path that does not exist.</summary>
    public const int InputNotFoundExitCode = 3;

    /// <summary>The default model pack folder, relative to the working folder.</summary>
    public static readonly string DefaultModelPack = Path.Combine("deploy", "models", "reference");

    /// <param name="loggerFactory">Receives the session's provider line and per-study lines; none where null.</param>
    public static Command Create(ILoggerFactory? loggerFactory = null)
    {
        var input = new Argument<string>("path") { Description = "A DICOM file, or a folder searched recursively." };
        var output = new Option<string>("--out")
        {
            Description = "Folder to write <StudyInstanceUID>/results.json into; created where needed.",
            Required = true,
        };
        var model = new Option<string>("--model")
        {
            Description = $"Model pack folder holding model.json and model.onnx. Default: {DefaultModelPack} under the working folder.",
            DefaultValueFactory = _ => DefaultModelPack,
        };

        var command = new Command("analyze", "Analyse DICOM files with a model pack and write each study's results.json.")
        {
            input,
            output,
            model,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(input)!,
            parseResult.GetValue(output)!,
            parseResult.GetValue(model)!,
            loggerFactory ?? NullLoggerFactory.Instance,
            parseResult.InvocationConfiguration,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string inputPath, string outputDirectory, string packDirectory, ILoggerFactory loggerFactory, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var options = new InferenceOptions();
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
                var summary = await FolderAnalysis.RunAsync(inputPath, outputDirectory, analyzer, loggerFactory.CreateLogger(typeof(AnalyzeCommand)), cancellationToken).ConfigureAwait(false);
                await console.Output.WriteLineAsync(
                    $"{summary.StudiesAnalysed} stud(ies) analysed, {summary.StudiesNotAnalysed} not analysed, {summary.FilesSkipped} file(s) skipped; results in {Path.GetFullPath(outputDirectory)}.").ConfigureAwait(false);
                return 0;
            }
            catch (FileNotFoundException exception)
            {
                await console.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
                return InputNotFoundExitCode;
            }
        }
    }
}
