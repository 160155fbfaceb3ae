using System.Globalization;
using System.Text.Json;
using Node.Dicom.IO;
using Node.Dicom.Tags;

namespace Node.Host.Tests.Service;

/// <summary>Phantom studies made by <c>ainode synth</c>, pushed with DCMTK's storescu, and what the destination received.</summary>
internal static class NodeStudy
{
    public const string ComprehensiveSrSopClassUid = "1.2.840.10008.5.1.4.1.1.88.33";

    /// <summary>Writes <paramref name="count"/> CT phantom studies under <paramref name="folder"/>; returns each study's folder.</summary>
    public static IReadOnlyList<string> Synthesize(string folder, int count, int seed)
    {
        var result = Ainode.Run("synth", "--out", folder, "--studies", count.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture), "--modality", "CT");
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        return [.. Directory.GetDirectories(folder).Order(StringComparer.Ordinal)];
    }

    /// <summary>Sends files with storescu to the node; fails the test where storescu fails.</summary>
    public static void Push(int port, params string[] paths)
    {
        var storescu = Peers.RequireProgram("storescu", "dcmtk");
        var result = ProgramRun.Run(storescu, ["-aet", "PACS", "-aec", "AINODE", "+sd", "+r", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), .. paths]);
        Assert.That(result.ExitCode, Is.Zero, $"storescu: {result.Output}{result.Error}");
    }

    /// <summary>The raw per-finding probabilities of each study, from <c>ainode analyze</c> on the same files: study UID → finding id → probability.</summary>
    public static Dictionary<string, Dictionary<string, double>> AnalyzeOffline(string input, string output)
    {
        var result = Ainode.Run("analyze", input, "--out", output, "--model", Path.Combine(AppContext.BaseDirectory, "models", "reference"));
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        var studies = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(output, "results.json", SearchOption.AllDirectories))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            studies[root.GetProperty("StudyInstanceUID").GetString()!] = root.GetProperty("Findings").EnumerateArray()
                .ToDictionary(finding => finding.GetProperty("Id").GetString()!, finding => finding.GetProperty("Probability").GetDouble(), StringComparer.Ordinal);
        }

        return studies;
    }

    /// <summary>The SR files in a destination folder (storescp writes one file per instance).</summary>
    public static IReadOnlyList<DicomFile> ReceivedSrs(string folder) => ReceivedOfClass(folder, uid => uid == ComprehensiveSrSopClassUid);

    /// <summary>The Secondary Capture files in a destination folder.</summary>
    public static IReadOnlyList<DicomFile> ReceivedScs(string folder) => ReceivedOfClass(folder, uid => uid.StartsWith("1.2.840.10008.5.1.4.1.1.7", StringComparison.Ordinal));

    private static List<DicomFile> ReceivedOfClass(string folder, Func<string, bool> sopClass) =>
        [.. Directory.GetFiles(folder).Select(path => DicomFile.Open(path)).Where(file => sopClass(file.Dataset.GetUid(DicomTags.SOPClassUID) ?? string.Empty))];
}
