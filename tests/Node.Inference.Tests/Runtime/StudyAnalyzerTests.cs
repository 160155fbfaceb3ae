using Node.Dicom.Tags;
using Node.Dicom.IO;
using Node.Inference.Imaging;
using Node.Inference.Phantoms;
using Node.Inference.Results;
using Node.Inference.Runtime;
using Node.Inference.Tests.Support;
using Node.Inference.Validation;

namespace Node.Inference.Tests.Runtime;

public sealed class StudyAnalyzerTests
{
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(8)]
    [Description("Batching is an implementation detail: every batch size must give the same probabilities, and each image the heatmaps it gets alone, its own slice of the batch's output.")]
    public async Task Batch_size_does_not_change_results(int batchSize)
    {
        var inputs = PhantomSets.AsInputs(PhantomSets.Generate(3, 21));
        var reference = await Analyze(inputs, new InferenceOptions { UseCuda = false, BatchSize = 1, PreprocessingParallelism = 1 });

        var results = await Analyze(inputs, new InferenceOptions { UseCuda = false, BatchSize = batchSize, PreprocessingParallelism = 2 });

        var expected = reference.Cast<AnalysedStudyResult>().SelectMany(study => study.Findings).Select(finding => finding.Probability.Value);
        var actual = results.Cast<AnalysedStudyResult>().SelectMany(study => study.Findings).Select(finding => finding.Probability.Value);
        Assert.That(actual, Is.EqualTo(expected).Within(1e-6));
        var heatmaps = HeatmapValues(results);
        Assert.That(heatmaps, Has.Count.EqualTo(9 * 3 * 64 * 64), "three studies of three images, three findings");
        Assert.That(heatmaps, Is.EqualTo(HeatmapValues(reference)).Within(1e-6));
    }

    [Test]
    [Description("Every finding stands alone and the any-finding item is apart: it is present exactly when some finding meets its own threshold.")]
    public async Task Any_finding_follows_finding_decisions()
    {
        var results = await Analyze(PhantomSets.AsInputs(PhantomSets.Generate(6, 5)), ReferencePack.CpuOptions());

        foreach (var study in results.Cast<AnalysedStudyResult>())
        {
            var positive = study.Findings.Where(finding => finding.MeetsDecisionThreshold).Select(finding => finding.Finding.Id);
            Assert.That(study.AnyFinding.PositiveFindingIds, Is.EqualTo(positive));
            Assert.That(study.AnyFinding.IsPresent, Is.EqualTo(positive.Any()));
            Assert.That(study.AnyFinding.Definition.Code.Value, Is.EqualTo("AIN-ANY"));
        }
    }

    [Test]
    public async Task Study_probability_is_max_of_images()
    {
        var result = (AnalysedStudyResult)(await Analyze(PhantomSets.AsInputs(PhantomSets.Generate(1, 9)), ReferencePack.CpuOptions()))[0];

        foreach (var finding in result.Findings)
        {
            var imageMax = result.Images.Max(image => image.Findings.Single(f => f.Finding.Id == finding.Finding.Id).Probability.Value);
            Assert.That(finding.Probability.Value, Is.EqualTo(imageMax), finding.Finding.Id);
        }
    }

    [Test]
    public async Task Image_results_carry_heatmaps()
    {
        var result = (AnalysedStudyResult)(await Analyze(PhantomSets.AsInputs(PhantomSets.Generate(1, 9)), ReferencePack.CpuOptions()))[0];

        var heatmap = result.Images[0].Findings[0].Heatmap;
        Assert.That(heatmap, Is.Not.Null);
        Assert.That(heatmap!.Rows, Is.EqualTo(64));
        Assert.That(heatmap.Values.Length, Is.EqualTo(64 * 64));
        Assert.That(result.Findings[0].Heatmap, Is.Null, "study results have no heatmap");
    }

    [Test]
    public async Task Missing_required_attribute_is_not_analysed()
    {
        var inputs = PhantomSets.AsInputs(PhantomSets.Generate(1, 9), dataset => dataset.Remove(DicomTags.PixelSpacing));

        var result = (await Analyze(inputs, ReferencePack.CpuOptions()))[0];

        var reasons = ((NotAnalysedStudyResult)result).Reasons;
        Assert.That(reasons, Has.Count.EqualTo(3), "one per instance");
        Assert.That(reasons.Select(reason => reason.Rule), Is.All.EqualTo(NotAnalysedRule.RequiredAttribute));
        Assert.That(reasons[0].Attribute, Is.EqualTo("PixelSpacing (0028,0030)"));
        Assert.That(reasons[0].Value, Is.Null);
    }

    [Test]
    public async Task Rows_out_of_range_is_not_analysed()
    {
        var inputs = PhantomSets.AsInputs(PhantomSets.Generate(1, 9), dataset => dataset.SetValues<ushort>(DicomTags.Rows, Node.Dicom.Vr.DicomVR.US, 32));

        var result = (await Analyze(inputs, ReferencePack.CpuOptions()))[0];

        var reason = ((NotAnalysedStudyResult)result).Reasons[0];
        Assert.That(reason.Rule, Is.EqualTo(NotAnalysedRule.Rows));
        Assert.That(reason.Value, Is.EqualTo("32"));
        Assert.That(reason.Expected, Is.EqualTo("an integer from 64 to 2048"));
    }

    [Test]
    public async Task Empty_study_is_not_analysed()
    {
        var result = (await Analyze([new StudyInput("1.2.3", Array.Empty<StudyInstance>())], ReferencePack.CpuOptions()))[0];

        Assert.That(((NotAnalysedStudyResult)result).Reasons.Single().Rule, Is.EqualTo(NotAnalysedRule.NoInstances));
    }

    [Test]
    public async Task Mr_sample_is_not_analysed_for_modality()
    {
        var path = Peers.RequirePath(Path.Combine(Peers.PydicomTestFiles, "MR_small.dcm"), "python3-pydicom");
        var dataset = DicomFile.Open(path).Dataset;

        var result = (await Analyze(StudyInput.GroupByStudy([dataset]), ReferencePack.CpuOptions()))[0];

        var reasons = ((NotAnalysedStudyResult)result).Reasons;
        var modality = reasons.Single(reason => reason.Rule == NotAnalysedRule.Modality);
        Assert.That(modality.Value, Is.EqualTo("MR"));
        Assert.That(modality.Message, Does.StartWith("Modality: Modality (0008,0060) is \"MR\" in instance "));
    }

    [Test]
    public async Task Mg_phantom_is_not_analysed_by_ct_pack()
    {
        var inputs = PhantomSets.AsInputs(PhantomSets.Generate(1, 3, PhantomModality.MG));

        var result = (await Analyze(inputs, ReferencePack.CpuOptions()))[0];

        Assert.That(result, Is.TypeOf<NotAnalysedStudyResult>());
    }

    [Test]
    [Description("CT studies often carry a dose report or another non-image instance. Such an instance is left out, and the CT images are analysed.")]
    public async Task Ct_study_with_mr_instance_is_analysed()
    {
        var path = Peers.RequirePath(Path.Combine(Peers.PydicomTestFiles, "MR_small.dcm"), "python3-pydicom");
        var ct = PhantomSets.AsInputs(PhantomSets.Generate(1, 3))[0];
        var mr = DicomFile.Open(path).Dataset;
        mr.SetString(DicomTags.StudyInstanceUID, ct.StudyInstanceUid);
        var study = ct with { Instances = [.. ct.Instances, StudyInstance.FromDataset(mr)] };

        var result = (await Analyze([study], ReferencePack.CpuOptions()))[0];

        Assert.That(result, Is.TypeOf<AnalysedStudyResult>());
        Assert.That(((AnalysedStudyResult)result).Images, Has.Count.EqualTo(ct.Instances.Count));
    }

    private static async Task<IReadOnlyList<StudyResult>> Analyze(IReadOnlyList<StudyInput> inputs, InferenceOptions options) =>
        await new StudyAnalyzer(ReferencePack.Shared, new DicomPixelDataDecoder(), options).AnalyzeAsync(inputs);

    /// <summary>Every heatmap value of every image, in study, image and finding order.</summary>
    private static List<float> HeatmapValues(IEnumerable<StudyResult> results) =>
        [.. results.Cast<AnalysedStudyResult>()
            .SelectMany(study => study.Images)
            .SelectMany(image => image.Findings)
            .SelectMany(finding => finding.Heatmap!.Values.ToArray())];
}
