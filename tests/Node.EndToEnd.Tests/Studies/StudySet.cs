using System.Globalization;
using System.Text.Json;
using Node.Dicom.IO;
using Node.Dicom.Tags;

namespace Node.EndToEnd.Tests.Studies;

/// <summary>
/// The real and phantom input of the end-to-end tests: pydicom's CT and MR samples, the
/// dicom3tools MR example, and CT phantom studies from <c>ainode synth</c>, each with the offline
/// analysis of the same files by <c>ainode analyze</c> and the reference model pack.
/// </summary>
internal static class StudySet
{
    /// <summary>pydicom's samples, each one study of one instance: a CT the reference pack accepts, an MR it does not.</summary>
    private static readonly string[] PydicomSamples = ["CT_small.dcm", "MR_small.dcm"];

    private const int PhantomCount = 2;

    /// <summary>Fixed so that a failure can be reproduced with the same phantoms.</summary>
    private const int PhantomSeed = 7;

    /// <summary>The model pack that <c>ainode</c> ships beside its executable, the one the node loads by default.</summary>
    public static string ReferencePack => Path.Combine(AppContext.BaseDirectory, "models", "reference");

    /// <summary>Collects the samples and writes the phantoms under <paramref name="folder"/>; ends the test where a package is missing.</summary>
    public static IReadOnlyList<SourceStudy> Build(string folder)
    {
        var inputs = new List<(string Name, string Folder)>();
        foreach (var sample in PydicomSamples)
        {
            inputs.Add((sample, CopyInto(Path.Combine(folder, "samples", Path.GetFileNameWithoutExtension(sample)), Peers.PydicomSample(sample))));
        }

        var dicom3tools = Directory.CreateDirectory(Path.Combine(folder, "samples", "dicom3tools")).FullName;
        Peers.Dicom3ToolsSample(dicom3tools);
        inputs.Add(("dicom3tools 0051.dcm", dicom3tools));

        var phantoms = Path.Combine(folder, "phantoms");
        Ainode.RunChecked("synth", "--out", phantoms, "--studies", PhantomCount.ToString(CultureInfo.InvariantCulture), "--seed", PhantomSeed.ToString(CultureInfo.InvariantCulture), "--modality", "CT");
        var index = 0;
        foreach (var phantom in Directory.GetDirectories(phantoms).Order(StringComparer.Ordinal))
        {
            inputs.Add(($"phantom {++index}", phantom));
        }

        return [.. inputs.Select((input, position) => Describe(input.Name, input.Folder, Path.Combine(folder, "offline", position.ToString(CultureInfo.InvariantCulture))))];
    }

    private static string CopyInto(string folder, string file)
    {
        Directory.CreateDirectory(folder);
        File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    /// <summary>Reads the study's identity from its files and analyses the same files offline.</summary>
    private static SourceStudy Describe(string name, string folder, string offline)
    {
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        var datasets = files.Select(file => DicomFile.Open(file).Dataset).ToList();
        var studyUids = datasets.Select(dataset => dataset.GetUid(DicomTags.StudyInstanceUID)).Distinct().ToList();
        Assert.That(studyUids, Has.Count.EqualTo(1), $"{name} contains one study");

        var first = datasets[0];
        return new SourceStudy(
            name,
            files,
            studyUids[0]!,
            first.GetString(DicomTags.PatientID) ?? string.Empty,
            first.GetString(DicomTags.Modality) ?? string.Empty,
            datasets.Select(dataset => dataset.GetUid(DicomTags.SeriesInstanceUID)!).ToHashSet(StringComparer.Ordinal),
            AnalyzeOffline(folder, offline));
    }

    /// <summary>Runs <c>ainode analyze</c> on the study's folder with the reference pack and reads its one results.json.</summary>
    private static OfflineResult AnalyzeOffline(string input, string output)
    {
        Ainode.RunChecked("analyze", input, "--out", output, "--model", ReferencePack);
        var results = Directory.GetFiles(output, "results.json", SearchOption.AllDirectories);
        Assert.That(results, Has.Length.EqualTo(1), $"ainode analyze {input} wrote one results.json");

        using var json = JsonDocument.Parse(File.ReadAllText(results[0]));
        var root = json.RootElement;
        var isAnalysed = root.GetProperty("Status").GetString() == "Analysed";
        var probabilities = isAnalysed
            ? root.GetProperty("Findings").EnumerateArray().ToDictionary(finding => finding.GetProperty("Id").GetString()!, finding => finding.GetProperty("Probability").GetDouble(), StringComparer.Ordinal)
            : [];
        var rules = isAnalysed
            ? []
            : root.GetProperty("NotAnalysedReasons").EnumerateArray().Select(reason => reason.GetProperty("Rule").GetString()!).ToList();
        return new OfflineResult(isAnalysed, probabilities, rules);
    }
}
