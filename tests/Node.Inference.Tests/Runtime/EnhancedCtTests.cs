using System.Text.Json.Nodes;
using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Inference.Imaging;
using Node.Inference.Preprocessing;
using Node.Inference.Results;
using Node.Inference.Runtime;
using Node.Inference.Tests.Support;
using Node.Inference.Validation;

namespace Node.Inference.Tests.Runtime;

[Description("An Enhanced CT carries rescale, window and pixel spacing in functional groups; each frame must be read with its own values.")]
public sealed class EnhancedCtTests
{
    private const double Tolerance = 1e-6;
    private const int PhantomSeed = 31;

    /// <summary>A window per frame; each keeps the phantom's air black and its tissue inside the window, so the plausibility checks pass.</summary>
    private static readonly (double Center, double Width)[] FrameWindows = [(40, 400), (60, 500), (20, 350)];

    [Test]
    public void Frames_decode_to_classic_modality_values()
    {
        var (classic, enhanced) = Build();
        var decoder = new DicomPixelDataDecoder();

        for (var frame = 0; frame < classic.Count; frame++)
        {
            var image = decoder.DecodeFrame(enhanced.Dataset, enhanced.TransferSyntax, frame, applyModalityLut: true);

            Assert.That(image.Values, Is.EqualTo(EnhancedCt.ClassicModalityValues(classic[frame])), $"frame {frame + 1}");
        }
    }

    [Test]
    public void Input_rules_accept_rescale_in_groups()
    {
        var (_, enhanced) = Build();

        var reasons = new InputRuleChecker(ReferencePack.Shared.Manifest.Input).Check(enhanced.Dataset);

        Assert.That(reasons, Is.Empty);
    }

    [Test]
    [Description("The reference pack requires RescaleSlope, RescaleIntercept and PixelSpacing, which this Enhanced CT has only in functional groups.")]
    public void Input_rules_reject_enhanced_ct_without_groups()
    {
        var (_, enhanced) = Build();
        enhanced.Dataset.Remove(DicomTags.SharedFunctionalGroupsSequence);
        enhanced.Dataset.Remove(DicomTags.PerFrameFunctionalGroupsSequence);

        var reasons = new InputRuleChecker(ReferencePack.Shared.Manifest.Input).Check(enhanced.Dataset);

        Assert.That(reasons.Select(reason => reason.Attribute), Is.EquivalentTo(new[] { "RescaleSlope (0028,1053)", "RescaleIntercept (0028,1052)", "PixelSpacing (0028,0030)" }));
        Assert.That(reasons.Select(reason => reason.Rule), Is.All.EqualTo(NotAnalysedRule.RequiredAttribute));
    }

    [Test]
    public void Input_rules_reject_rescale_missing_in_one_frame()
    {
        var (_, enhanced) = Build();
        PerFrameItem(enhanced.Dataset, 1).Remove(DicomTags.PixelValueTransformationSequence);

        var reasons = new InputRuleChecker(ReferencePack.Shared.Manifest.Input).Check(enhanced.Dataset);

        Assert.That(reasons.Select(reason => reason.Attribute), Is.EquivalentTo(new[] { "RescaleSlope (0028,1053)", "RescaleIntercept (0028,1052)" }));
        Assert.That(reasons.Select(reason => reason.Value), Is.All.Null);
    }

    [Test]
    [Description("A per-frame sequence too short cannot say what each frame carries, so the reason states the fault in place of a value.")]
    public void Input_rules_report_short_per_frame_sequence()
    {
        var (_, enhanced) = Build();
        enhanced.Dataset.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence)!.Items.RemoveAt(2);

        var reasons = new InputRuleChecker(ReferencePack.Shared.Manifest.Input).Check(enhanced.Dataset);

        Assert.That(reasons, Has.Count.EqualTo(1), "one reason for the malformed sequence, not one per attribute it hides");
        Assert.That(reasons[0].Attribute, Is.EqualTo("PerFrameFunctionalGroupsSequence (5200,9230)"));
        Assert.That(reasons[0].Value, Does.StartWith("Per-frame Functional Groups Sequence (5200,9230) contains 2 items, fewer than Number of Frames (0028,0008) 3"));
    }

    [Test]
    [Description("The top-level window is a decoy: were it used, every frame would get the same window.")]
    public void Image_window_comes_from_each_frame()
    {
        var (_, enhanced) = Build();
        EnhancedCt.SetFrameWindows(enhanced.Dataset, FrameWindows);
        enhanced.Dataset.SetString(DicomTags.WindowCenter, "0");
        enhanced.Dataset.SetString(DicomTags.WindowWidth, "100");
        using var folder = ImageWindowPack();
        using var pack = folder.Load();

        var outcomes = new ImagePreprocessor(pack.Manifest, new DicomPixelDataDecoder()).Prepare(enhanced);

        Assert.That(outcomes, Has.Count.EqualTo(FrameWindows.Length));
        for (var frame = 0; frame < FrameWindows.Length; frame++)
        {
            Assert.That(outcomes[frame].Reasons, Is.Empty, $"frame {frame + 1}");
            var window = outcomes[frame].Prepared!.Measures.Window;
            Assert.That((window.Center, window.Width), Is.EqualTo(FrameWindows[frame]), $"frame {frame + 1}");
        }
    }

    [Test]
    public void Malformed_frame_window_names_frame()
    {
        var (_, enhanced) = Build();
        EnhancedCt.SetFrameWindows(enhanced.Dataset, FrameWindows);
        PerFrameItem(enhanced.Dataset, 1).GetSequence(DicomTags.FrameVOILUTSequence)!.Items[0].Remove(DicomTags.WindowWidth);
        using var folder = ImageWindowPack();
        using var pack = folder.Load();

        var outcomes = new ImagePreprocessor(pack.Manifest, new DicomPixelDataDecoder()).Prepare(enhanced);

        Assert.That(outcomes[0].Reasons, Is.Empty);
        Assert.That(outcomes[2].Reasons, Is.Empty);
        var reason = outcomes[1].Reasons.Single();
        Assert.That(reason.Rule, Is.EqualTo(NotAnalysedRule.VoiWindow));
        Assert.That(reason.FrameNumber, Is.EqualTo(2));
        Assert.That(reason.Value, Does.Contain("Window Width (0028,1051)"));
        Assert.That(reason.Value, Does.Contain("frame 2, Frame VOI LUT Sequence (0028,9132)"));
    }

    [Test]
    public void Zero_slope_in_one_frame_names_frame()
    {
        var (_, enhanced) = Build();
        PerFrameItem(enhanced.Dataset, 2).GetSequence(DicomTags.PixelValueTransformationSequence)!.Items[0].SetString(DicomTags.RescaleSlope, "0");

        var outcomes = new ImagePreprocessor(ReferencePack.Shared.Manifest, new DicomPixelDataDecoder()).Prepare(enhanced);

        Assert.That(outcomes[0].Reasons, Is.Empty);
        Assert.That(outcomes[1].Reasons, Is.Empty);
        var reason = outcomes[2].Reasons.Single();
        Assert.That(reason.Rule, Is.EqualTo(NotAnalysedRule.PixelData));
        Assert.That(reason.FrameNumber, Is.EqualTo(3));
        Assert.That(reason.Value, Does.Contain("Rescale Slope (0028,1053) 0 is invalid"));
    }

    [Test]
    [Description("The frames hold the classic instances' modality values with other stored values, so the model must see the same images.")]
    public async Task Analysis_matches_classic_instances()
    {
        var study = PhantomSets.Generate(1, PhantomSeed)[0];
        var (classic, enhanced) = Build(study);
        var analyzer = new StudyAnalyzer(ReferencePack.Shared, new DicomPixelDataDecoder(), ReferencePack.CpuOptions());
        var expected = await analyzer.AnalyzeAsync(PhantomSets.AsInputs([study])[0]);

        var actual = await analyzer.AnalyzeAsync(new StudyInput(study.StudyInstanceUid, [enhanced]));

        Assert.That(expected, Is.TypeOf<AnalysedStudyResult>(), "classic instances");
        Assert.That(actual, Is.TypeOf<AnalysedStudyResult>(), actual is NotAnalysedStudyResult rejected ? string.Join(" ", rejected.Reasons) : "enhanced CT");
        var classicImages = ((AnalysedStudyResult)expected).Images;
        var frames = ((AnalysedStudyResult)actual).Images;
        Assert.That(frames.Select(image => image.Image.FrameNumber), Is.EqualTo(Enumerable.Range(1, classic.Count).Cast<int?>()));
        for (var image = 0; image < classicImages.Count; image++)
        {
            for (var finding = 0; finding < classicImages[image].Findings.Count; finding++)
            {
                var expectedFinding = classicImages[image].Findings[finding];
                Assert.That(frames[image].Findings[finding].Probability.Value, Is.EqualTo(expectedFinding.Probability.Value).Within(Tolerance), $"frame {image + 1}, {expectedFinding.Finding.Id}");
            }
        }
    }

    [Test]
    [Description("dciodvfy (dicom3tools) checks the Enhanced CT functional group macros. The file lacks other Enhanced CT modules, but the groups it has must raise no error.")]
    public void Functional_groups_pass_dciodvfy()
    {
        var dciodvfy = Peers.RequireProgram("dciodvfy", "dicom3tools");
        var (_, enhanced) = Build();
        EnhancedCt.SetFrameWindows(enhanced.Dataset, FrameWindows);
        var path = Path.Combine(Path.GetTempPath(), $"ainode-enhanced-ct-{Guid.NewGuid():N}.dcm");
        try
        {
            new DicomFile(enhanced.Dataset).Save(path);

            var (_, output, error) = ProgramRun.Run(dciodvfy, path);

            var errors = (output + error).Split('\n').Where(line => line.StartsWith("Error", StringComparison.Ordinal)).ToList();
            TestContext.Out.WriteLine(string.Join(Environment.NewLine, errors));
            var groupErrors = errors.Where(line => GroupWords.Any(word => line.Contains(word, StringComparison.Ordinal))).ToList();
            Assert.That(groupErrors, Is.Empty, string.Join(Environment.NewLine, groupErrors));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Words that mark a dciodvfy error about the functional groups and attributes this test writes.</summary>
    private static readonly string[] GroupWords =
    [
        "FunctionalGroups", "PixelValueTransformation", "FrameVOILUT", "PixelMeasures", "PlanePosition", "PlaneOrientation",
        "FrameContent", "CTImageFrameType", "Rescale", "Window", "NumberOfFrames",
    ];

    /// <summary>Returns the classic instances of a phantom study and their Enhanced CT, passed through DICOM bytes.</summary>
    private static (IReadOnlyList<DicomDataset> Classic, StudyInstance Enhanced) Build(Node.Inference.Phantoms.PhantomStudy? study = null)
    {
        var classic = (study ?? PhantomSets.Generate(1, PhantomSeed)[0]).Instances;
        var dataset = EnhancedCt.FromClassic(classic, EnhancedCt.Intercepts);
        return (classic, StudyInstance.FromFile(DicomFile.Read(new DicomFile(dataset).ToBytes())));
    }

    private static DicomDataset PerFrameItem(DicomDataset dataset, int frameIndex) =>
        dataset.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence)!.Items[frameIndex];

    private static TemporaryPack ImageWindowPack() =>
        TemporaryPack.Create(manifest => manifest["Preprocessing"]!["VoiWindow"] = new JsonObject { ["Source"] = "Image" });
}
