using System.Text.Json;
using System.Text.Json.Nodes;
using Node.Dicom.IO;
using Node.Inference.Imaging;
using Node.Inference.Phantoms;
using Node.Inference.Results;
using Node.Inference.Runtime;
using Node.Inference.Tests.Support;

namespace Node.Inference.Tests.Golden;

[Description("Outputs do not change by accident: a fixed set of studies must give the stored per-finding probabilities within 1e-5, or the stored not-analysed rules.")]
public sealed class GoldenOutputTests
{
    private const double Tolerance = 1e-5;
    private const string UpdateVariable = "AINODE_UPDATE_GOLDEN";
    private const int PhantomSeed = 11;
    private const int PhantomStudyCount = 4;

    private static string GoldenPath => Path.Combine(RepositoryPaths.TestProject, "Golden", "golden-outputs.json");

    [Test]
    public async Task Phantom_outputs_match_golden_file()
    {
        var ct = PhantomSets.Generate(PhantomStudyCount, PhantomSeed);
        var mg = PhantomSets.Generate(1, PhantomSeed, PhantomModality.MG);
        var cases = ct.Select((study, i) => ($"phantom-ct-seed{PhantomSeed}-study{i + 1}", study.Instances))
            .Append(($"phantom-mg-seed{PhantomSeed}-study1", mg[0].Instances))
            .ToList();

        await CompareWithGoldenAsync([.. cases.Select(item => (item.Item1, PhantomSets.AsInputs([new PhantomStudy(0, string.Empty, item.Instances, new Dictionary<string, bool>())])[0]))]);
    }

    [Test]
    [Description("Real CT and MR files from pydicom: the CT is analysed; the MR is not analysed, since the pack accepts CT only, and that is its golden result.")]
    public async Task Pydicom_outputs_match_golden_file()
    {
        var folder = Peers.RequirePath(Peers.PydicomTestFiles, "python3-pydicom");
        var cases = new[] { "CT_small.dcm", "MR_small.dcm" }
            .Select(name => ($"pydicom-{Path.GetFileNameWithoutExtension(name)}", new StudyInput(name, [StudyInstance.FromFile(DicomFile.Open(Path.Combine(folder, name)))])))
            .ToList();

        await CompareWithGoldenAsync(cases);
    }

    private static async Task CompareWithGoldenAsync(IReadOnlyList<(string Name, StudyInput Study)> cases)
    {
        var analyzer = new StudyAnalyzer(ReferencePack.Shared, new DicomPixelDataDecoder(), ReferencePack.CpuOptions());
        var results = await analyzer.AnalyzeAsync([.. cases.Select(item => item.Study)]);
        var actual = cases.Zip(results, (item, result) => (item.Name, Node: Describe(result))).ToList();

        var golden = File.Exists(GoldenPath) ? JsonNode.Parse(File.ReadAllText(GoldenPath))!.AsObject() : NewGoldenFile();
        var stored = golden["Cases"]!.AsObject();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            actual.ForEach(item => stored[item.Name] = item.Node);
            File.WriteAllText(GoldenPath, golden.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            Assert.Pass($"{UpdateVariable}=1: rewrote {actual.Count} case(s) in {GoldenPath}. Commit it with a message that says why the outputs changed.");
        }

        foreach (var (name, node) in actual)
        {
            Assert.That(stored.ContainsKey(name), Is.True, $"{name} is not in {GoldenPath}. {HowToUpdate}");
            CompareCase(name, stored[name]!.AsObject(), node);
        }
    }

    private static void CompareCase(string name, JsonObject expected, JsonObject actual)
    {
        Assert.That(actual["Status"]!.GetValue<string>(), Is.EqualTo(expected["Status"]!.GetValue<string>()), $"{name}: status. {HowToUpdate}");
        if (expected["Rules"] is JsonArray rules)
        {
            Assert.That(actual["Rules"]!.AsArray().Select(rule => rule!.GetValue<string>()), Is.EqualTo(rules.Select(rule => rule!.GetValue<string>())), $"{name}: not-analysed rules. {HowToUpdate}");
            return;
        }

        foreach (var (findingId, value) in expected["Findings"]!.AsObject())
        {
            var probability = actual["Findings"]![findingId]!.GetValue<double>();
            Assert.That(probability, Is.EqualTo(value!.GetValue<double>()).Within(Tolerance), $"{name}: probability of {findingId}. {HowToUpdate}");
        }
    }

    private static JsonObject Describe(StudyResult result) => result switch
    {
        AnalysedStudyResult analysed => new JsonObject
        {
            ["Status"] = "Analysed",
            ["Findings"] = new JsonObject(analysed.Findings.Select(finding => KeyValuePair.Create(finding.Finding.Id, (JsonNode?)JsonValue.Create(finding.Probability.Value)))),
        },
        NotAnalysedStudyResult notAnalysed => new JsonObject
        {
            ["Status"] = "NotAnalysed",
            ["Rules"] = new JsonArray([.. notAnalysed.Reasons.Select(reason => reason.Rule.ToString()).Distinct().Select(rule => (JsonNode?)JsonValue.Create(rule))]),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    private static JsonObject NewGoldenFile() => new()
    {
        ["Comment"] = $"Expected outputs of the reference pack on fixed studies. Rewrite only on purpose: {UpdateVariable}=1 dotnet test --filter GoldenOutputTests, and say why in the commit message.",
        ["Cases"] = new JsonObject(),
    };

    private static string HowToUpdate =>
        $"If this change is intended, run the tests with {UpdateVariable}=1 to rewrite {Path.GetRelativePath(RepositoryPaths.Root, GoldenPath)}, and say why the outputs changed in the commit message.";
}
