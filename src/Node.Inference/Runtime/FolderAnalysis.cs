using Microsoft.Extensions.Logging;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Inference.Results;

namespace Node.Inference.Runtime;

/// <summary>
/// Analyses every DICOM file under a path and writes one results.json per study, in a folder
/// named after its Study Instance UID. Files that are not readable DICOM are skipped with a
/// warning; they never stop the run.
/// </summary>
public static class FolderAnalysis
{
    /// <summary>The folder name for instances without a Study Instance UID.</summary>
    public const string UnknownStudyFolder = "unknown-study";

    /// <param name="inputPath">A DICOM file, or a folder searched recursively.</param>
    /// <param name="outputDirectory">Where the study folders go; created where needed.</param>
    /// <param name="analyzer">The analyser with its loaded model pack.</param>
    /// <param name="logger">Receives a warning per skipped file and a summary line.</param>
    /// <param name="cancellationToken">Stops the analysis.</param>
    /// <param name="onStudy">Called once per study after its results.json is written, with the study's folder; writes more files there (the reports) where given.</param>
    /// <exception cref="FileNotFoundException">The input path does not exist.</exception>
    public static async Task<FolderAnalysisSummary> RunAsync(string inputPath, string outputDirectory, StudyAnalyzer analyzer, ILogger logger, CancellationToken cancellationToken = default, Action<StudyInput, StudyResult, string>? onStudy = null)
    {
        var files = ListFiles(inputPath);
        var instances = new List<StudyInstance>();
        var skipped = 0;
        foreach (var file in files)
        {
            try
            {
                instances.Add(StudyInstance.FromFile(DicomFile.Open(file)));
            }
            catch (Exception exception) when (exception is DicomFormatException or IOException or UnauthorizedAccessException)
            {
                Log.FileSkipped(logger, file, exception.Message);
                skipped++;
            }
        }

        var studies = StudyInput.GroupByStudy(instances);
        var results = await analyzer.AnalyzeAsync(studies, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(outputDirectory);
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            var folder = Path.Combine(outputDirectory, result.StudyInstanceUid.Length > 0 ? result.StudyInstanceUid : UnknownStudyFolder);
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, StudyResultJson.FileName), StudyResultJson.Write(result), cancellationToken).ConfigureAwait(false);
            onStudy?.Invoke(studies[i], result, folder);
        }

        var analysed = results.Count(result => result is AnalysedStudyResult);
        var summary = new FolderAnalysisSummary(files.Count - skipped, skipped, analysed, results.Count - analysed);
        Log.FolderAnalysed(logger, summary.FilesRead, results.Count, analyzer.Model.Name, analyzer.Model.Version, summary.StudiesAnalysed, summary.StudiesNotAnalysed, summary.FilesSkipped);
        return summary;
    }

    private static IReadOnlyList<string> ListFiles(string inputPath)
    {
        if (File.Exists(inputPath))
        {
            return [inputPath];
        }

        if (!Directory.Exists(inputPath))
        {
            throw new FileNotFoundException($"No file or folder at '{inputPath}'.", inputPath);
        }

        return [.. Directory.EnumerateFiles(inputPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
    }
}
