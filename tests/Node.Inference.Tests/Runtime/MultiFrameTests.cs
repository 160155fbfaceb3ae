using System.Text.Json;
using System.Text.Json.Nodes;
using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;
using Node.Inference.Imaging;
using Node.Inference.Results;
using Node.Inference.Runtime;
using Node.Inference.Tests.Support;
using Node.Inference.Validation;

namespace Node.Inference.Tests.Runtime;

[Description("Each frame of a multi-frame instance is analysed as an image of its own, carrying its frame number for the reports.")]
public sealed class MultiFrameTests
{
    private const double Tolerance = 1e-6;
    private const int PhantomSeed = 29;

    [Test]
    [Description("The frames are the pixel data of a phantom study's single-frame instances, so each frame must give that instance's probabilities.")]
    public async Task Multi_frame_ct_gives_one_image_per_frame()
    {
        var study = PhantomSets.Generate(1, PhantomSeed)[0];
        var singles = (AnalysedStudyResult)await Analyzer().AnalyzeAsync(PhantomSets.AsInputs([study])[0]);
        var multiFrame = StackFrames(study.Instances);

        var result = await Analyzer().AnalyzeAsync(new StudyInput(study.StudyInstanceUid, [StudyInstance.FromDataset(multiFrame)]));

        Assert.That(result, Is.TypeOf<AnalysedStudyResult>());
        var analysed = (AnalysedStudyResult)result;
        Assert.That(analysed.Images, Has.Count.EqualTo(study.Instances.Count));
        Assert.That(analysed.Images.Select(image => image.Image.FrameNumber), Is.EqualTo(Enumerable.Range(1, study.Instances.Count).Cast<int?>()));
        Assert.That(analysed.Images.Select(image => image.Image.SopInstanceUid).Distinct(), Is.EqualTo(new[] { multiFrame.GetUid(DicomTags.SOPInstanceUID) }));
        AssertSameProbabilities(analysed, singles);
    }

    [Test]
    public async Task Rle_multi_frame_matches_native_frames()
    {
        var study = PhantomSets.Generate(1, PhantomSeed)[0];
        var folder = Path.Combine(Path.GetTempPath(), "ainode-frames-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            var native = Path.Combine(folder, "native.dcm");
            new DicomFile(StackFrames(study.Instances)).Save(native);
            var rle = DicomFile.Open(DcmtkCodecs.CompressRle(native, folder));
            Assert.That(rle.TransferSyntax, Is.EqualTo(DicomTransferSyntax.RLELossless), "dcmcrle output");

            var expected = (AnalysedStudyResult)await Analyzer().AnalyzeAsync(new StudyInput("native", [StudyInstance.FromFile(DicomFile.Open(native))]));
            var actual = await Analyzer().AnalyzeAsync(new StudyInput("rle", [StudyInstance.FromFile(rle)]));

            Assert.That(actual, Is.TypeOf<AnalysedStudyResult>());
            AssertSameProbabilities((AnalysedStudyResult)actual, expected);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Results_json_names_frame_numbers()
    {
        var study = PhantomSets.Generate(1, PhantomSeed)[0];
        var result = await Analyzer().AnalyzeAsync(new StudyInput(study.StudyInstanceUid, [StudyInstance.FromDataset(StackFrames(study.Instances))]));

        using var document = JsonDocument.Parse(StudyResultJson.Write(result));

        var frames = document.RootElement.GetProperty("Images").EnumerateArray().Select(image => image.GetProperty("FrameNumber").GetInt32());
        Assert.That(frames, Is.EqualTo(Enumerable.Range(1, study.Instances.Count)));
    }

    [Test]
    [Description("An instance of one frame is the image itself, so results.json keeps its old form without a frame number.")]
    public async Task Single_frame_images_have_no_frame_number()
    {
        var result = (AnalysedStudyResult)await Analyzer().AnalyzeAsync(PhantomSets.AsInputs(PhantomSets.Generate(1, PhantomSeed))[0]);

        using var document = JsonDocument.Parse(StudyResultJson.Write(result));

        Assert.That(result.Images.Select(image => image.Image.FrameNumber), Is.All.Null);
        Assert.That(document.RootElement.GetProperty("Images")[0].TryGetProperty("FrameNumber", out _), Is.False);
    }

    [Test]
    [Description("A frame of air has no body outline, so the study is not analysed and the reason names that frame.")]
    public async Task Implausible_frame_is_named_in_reason()
    {
        var study = PhantomSets.Generate(1, PhantomSeed)[0];
        var frames = study.Instances.Select(instance => instance.Clone()).ToList();
        var airFrameNumber = frames.Count;
        var pixelLength = ((DicomValueElement)frames[^1].GetElement(DicomTags.PixelData)!).Length;
        frames[^1].SetBytes(DicomTags.PixelData, DicomVR.OW, new byte[pixelLength]);
        var multiFrame = StackFrames(frames);

        var result = await Analyzer().AnalyzeAsync(new StudyInput(study.StudyInstanceUid, [StudyInstance.FromDataset(multiFrame)]));

        Assert.That(result, Is.TypeOf<NotAnalysedStudyResult>());
        var reasons = ((NotAnalysedStudyResult)result).Reasons;
        Assert.That(reasons.Select(reason => reason.Rule), Is.All.EqualTo(NotAnalysedRule.PlausibleRange));
        Assert.That(reasons.Select(reason => reason.FrameNumber), Is.All.EqualTo(airFrameNumber));
        Assert.That(reasons[0].Message, Does.Contain($"in instance {multiFrame.GetUid(DicomTags.SOPInstanceUID)} frame {airFrameNumber};"));
    }

    [Test]
    [Description("The window belongs to the instance, so a pack that takes it from the image gives one reason for the instance, not one per frame.")]
    public async Task Missing_window_gives_one_reason()
    {
        var study = PhantomSets.Generate(1, PhantomSeed)[0];
        var multiFrame = StackFrames(study.Instances);
        multiFrame.Remove(DicomTags.WindowCenter);
        multiFrame.Remove(DicomTags.WindowWidth);
        using var folder = TemporaryPack.Create(manifest => manifest["Preprocessing"]!["VoiWindow"] = new JsonObject { ["Source"] = "Image" });
        using var pack = folder.Load();

        var result = await new StudyAnalyzer(pack, new DicomPixelDataDecoder(), ReferencePack.CpuOptions()).AnalyzeAsync(new StudyInput(study.StudyInstanceUid, [StudyInstance.FromDataset(multiFrame)]));

        Assert.That(result, Is.TypeOf<NotAnalysedStudyResult>());
        var reason = ((NotAnalysedStudyResult)result).Reasons.Single();
        Assert.That(reason.Rule, Is.EqualTo(NotAnalysedRule.VoiWindow));
        Assert.That(reason.FrameNumber, Is.Null);
    }

    /// <summary>Returns the first instance with the Pixel Data of every instance as its frames, in order, as a multi-frame CT.</summary>
    private static DicomDataset StackFrames(IReadOnlyList<DicomDataset> instances)
    {
        var multiFrame = instances[0].Clone();
        var pixels = instances.SelectMany(instance => ((DicomValueElement)instance.GetElement(DicomTags.PixelData)!).Value.ToArray()).ToArray();
        multiFrame.SetInt32(DicomTags.NumberOfFrames, instances.Count);
        multiFrame.SetBytes(DicomTags.PixelData, DicomVR.OW, pixels);
        return multiFrame;
    }

    private static void AssertSameProbabilities(AnalysedStudyResult actual, AnalysedStudyResult expected)
    {
        Assert.That(actual.Images, Has.Count.EqualTo(expected.Images.Count));
        for (var image = 0; image < expected.Images.Count; image++)
        {
            for (var finding = 0; finding < expected.Images[image].Findings.Count; finding++)
            {
                var expectedFinding = expected.Images[image].Findings[finding];
                Assert.That(actual.Images[image].Findings[finding].Probability.Value, Is.EqualTo(expectedFinding.Probability.Value).Within(Tolerance), $"image {image + 1}, {expectedFinding.Finding.Id}");
            }
        }

        for (var finding = 0; finding < expected.Findings.Count; finding++)
        {
            Assert.That(actual.Findings[finding].Probability.Value, Is.EqualTo(expected.Findings[finding].Probability.Value).Within(Tolerance), $"study, {expected.Findings[finding].Finding.Id}");
        }
    }

    private static StudyAnalyzer Analyzer() => new(ReferencePack.Shared, new DicomPixelDataDecoder(), ReferencePack.CpuOptions());
}
