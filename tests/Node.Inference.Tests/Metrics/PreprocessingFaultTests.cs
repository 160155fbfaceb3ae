using System.Text.Json.Nodes;
using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Dicom.Vr;
using Node.Inference.Imaging;
using Node.Inference.Packs;
using Node.Inference.Phantoms;
using Node.Inference.Results;
using Node.Inference.Runtime;
using Node.Inference.Tests.Support;
using Node.Inference.Validation;

namespace Node.Inference.Tests.Metrics;

[Description("A preprocessing fault must not pass silently: either the plausibility check rejects the studies, or the metrics fall below what the metric tests demand.")]
public sealed class PreprocessingFaultTests
{
    private const int StudyCount = 30;
    private const int Seed = 7;
    private const double MinSensitivity = 0.80;

    private static IReadOnlyList<PhantomStudy> _studies = [];

    [OneTimeSetUp]
    public void GenerateStudies() => _studies = PhantomSets.Generate(StudyCount, Seed);

    [Test]
    public async Task Unfaulted_pipeline_analyses_every_study()
    {
        var results = await AnalyzeAsync(ReferencePack.Shared);

        Assert.That(results.OfType<NotAnalysedStudyResult>().Count(), Is.Zero);
        Assert.That(MinSensitivityOverFindings(results), Is.GreaterThanOrEqualTo(MinSensitivity));
    }

    [Test]
    [Description("A bone window (centre 1040 HU) clips all soft tissue to black.")]
    public async Task Bone_window_is_rejected_as_implausible()
    {
        using var pack = TemporaryPack.Create(manifest => Window(manifest)["CenterInModalityUnits"] = 1040);
        using var loaded = pack.Load();

        var results = await AnalyzeAsync(loaded);

        AssertAllRejected(results, "WindowClippedBodyFraction");
    }

    [Test]
    [Description("A lung-like width of 2000 HU passes the plausibility check but flattens the contrast the findings need.")]
    public async Task Wide_window_fails_the_metrics()
    {
        using var pack = TemporaryPack.Create(manifest => Window(manifest)["WidthInModalityUnits"] = 2000);
        using var loaded = pack.Load();

        var results = await AnalyzeAsync(loaded);

        Assert.That(results.OfType<NotAnalysedStudyResult>().Count(), Is.Zero, "the plausibility check lets this window through");
        Assert.That(MinSensitivityOverFindings(results), Is.LessThan(MinSensitivity), "the metrics must catch it instead");
    }

    [TestCase(2000, Description = "A positive threshold where a negative one was meant leaves no pixel in the body.")]
    [TestCase(-2000, Description = "A threshold below air puts every pixel in the body.")]
    public async Task Wrong_body_intensity_threshold_is_rejected(double bodyIntensityThreshold)
    {
        using var pack = TemporaryPack.Create(manifest => manifest["PlausibleRanges"]!["BodyIntensityThresholdInModalityUnits"] = bodyIntensityThreshold);
        using var loaded = pack.Load();

        var results = await AnalyzeAsync(loaded);

        AssertAllRejected(results, "BodyFraction");
    }

    [Test]
    [Description("MONOCHROME1 written over MONOCHROME2 pixels inverts the image: air turns white.")]
    public async Task Swapped_photometric_interpretation_is_rejected()
    {
        var results = await AnalyzeAsync(ReferencePack.Shared, dataset => dataset.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME1"));

        AssertAllRejected(results, "BackgroundDisplayLevel");
    }

    private static JsonNode Window(JsonObject manifest) => manifest["Preprocessing"]!["VoiWindow"]!;

    private static async Task<IReadOnlyList<StudyResult>> AnalyzeAsync(ModelPack pack, Action<DicomDataset>? alter = null)
    {
        var analyzer = new StudyAnalyzer(pack, new DicomPixelDataDecoder(), ReferencePack.CpuOptions());
        return await analyzer.AnalyzeAsync(PhantomSets.AsInputs(_studies, alter));
    }

    private static void AssertAllRejected(IReadOnlyList<StudyResult> results, string measure)
    {
        var rejected = results.OfType<NotAnalysedStudyResult>().ToList();
        Assert.That(rejected, Has.Count.EqualTo(results.Count), "studies not analysed");
        var reasons = rejected.SelectMany(result => result.Reasons).ToList();
        Assert.That(reasons.All(reason => reason.Rule == NotAnalysedRule.PlausibleRange), Is.True, "every reason is a plausible range");
        Assert.That(reasons.Any(reason => reason.Attribute.StartsWith(measure, StringComparison.Ordinal)), Is.True, $"a reason names {measure}");
    }

    private static double MinSensitivityOverFindings(IReadOnlyList<StudyResult> results)
    {
        var analysed = results.Cast<AnalysedStudyResult>().ToList();
        return PhantomFindings.All.Min(findingId =>
        {
            var pairs = _studies.Zip(analysed, (study, result) => (Label: study.Labels[findingId], Finding: result.Findings.Single(f => f.Finding.Id == findingId))).ToList();
            return BinaryMetrics.Sensitivity([.. pairs.Select(pair => pair.Finding.Probability.Value)], [.. pairs.Select(pair => pair.Label)], pairs[0].Finding.Finding.DecisionThreshold.Value);
        });
    }
}
