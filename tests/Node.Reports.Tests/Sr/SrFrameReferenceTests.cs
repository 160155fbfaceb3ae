using System.Globalization;
using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;
using Node.Inference.Results;
using Node.Reports.Tests.Support;

namespace Node.Reports.Tests.Sr;

[Description("An IMAGE item that references only some frames of a multi-frame instance names them in Referenced Frame Number (0008,1160); one that covers every frame, or a single-frame instance, leaves it out (Type 1C, PS3.3 Image Reference macro).")]
public sealed class SrFrameReferenceTests
{
    private const int FrameCount = 3;


    private AnalysedStudy _study = null!;

    [OneTimeSetUp]
    public async Task AnalysePhantom() => _study = (await ReferenceModel.AnalysePhantomsAsync(1, seed: 7301))[0];

    [Test]
    public void Present_finding_names_its_frame()
    {
        var request = AsOneMultiFrameInstance(presentOnlyInFrame: 2);

        var sources = SourceOfMeasurementReferences(request, FindingId(request));

        Assert.That(sources, Has.Count.EqualTo(1));
        Assert.That(sources[0].GetStrings(DicomTags.ReferencedFrameNumber), Is.EqualTo(new[] { "2" }));
    }

    [Test]
    public void Absent_finding_references_every_frame()
    {
        var request = AsOneMultiFrameInstance(presentOnlyInFrame: null);

        var sources = SourceOfMeasurementReferences(request, FindingId(request));

        Assert.That(sources, Has.Count.EqualTo(1));
        Assert.That(sources[0].Contains(DicomTags.ReferencedFrameNumber), Is.False, "a reference to every frame carries no frame numbers");
    }

    [Test]
    public void Single_frame_sources_carry_no_frames()
    {
        var sources = SourceOfMeasurementReferences(_study.Request, FindingId(_study.Request));

        Assert.That(sources, Is.Not.Empty);
        Assert.That(sources.Any(source => source.Contains(DicomTags.ReferencedFrameNumber)), Is.False);
    }

    [Test]
    public void Frame_references_pass_dciodvfy()
    {
        using var files = new ReportFiles();
        var path = files.Save(SrValidationTests.Writer("en").Write(AsOneMultiFrameInstance(presentOnlyInFrame: 2)), "sr.dcm");

        var (errors, _, output) = Dciodvfy.Check(path);
        TestContext.Out.WriteLine(output);

        Assert.That(errors, Is.Empty);
    }

    /// <summary>
    /// Recasts the phantom's three analysed instances as the three frames of its first instance,
    /// labelled Enhanced CT, and sets the first finding's image probabilities so that it meets its threshold in
    /// <paramref name="presentOnlyInFrame"/> alone, or in no frame.
    /// </summary>
    private ReportRequest AsOneMultiFrameInstance(int? presentOnlyInFrame)
    {
        var result = (AnalysedStudyResult)_study.Result;
        var source = _study.Sources[0].Dataset.Clone();
        source.SetString(DicomTags.NumberOfFrames, DicomVR.IS, FrameCount.ToString(CultureInfo.InvariantCulture));
        // Enhanced CT is a multi-frame SOP class, so dciodvfy accepts frame numbers in references to it.
        source.SetUid(DicomTags.SOPClassUID, DicomUids.EnhancedCTImageStorage);
        var uid = source.GetUid(DicomTags.SOPInstanceUID)!;
        var finding = result.Findings[0].Finding;

        var images = result.Images.Take(FrameCount).Select((image, index) => image with
        {
            Image = image.Image with { SopInstanceUid = uid, FrameNumber = index + 1 },
            Findings = [.. image.Findings.Select(item => item.Finding.Id == finding.Id ? item with { Probability = ProbabilityFor(index + 1 == presentOnlyInFrame) } : item)],
        }).ToList();
        var study = result.Findings.Select(item => item.Finding.Id == finding.Id ? item with { Probability = ProbabilityFor(presentOnlyInFrame is not null) } : item).ToList();

        var recast = result with { Images = images, Findings = study };
        return new ReportRequest(recast, [new SourceInstance(source, _study.Sources[0].TransferSyntax)], ReferenceModel.SettingsSha256);
    }

    private static Node.Inference.Results.Probability ProbabilityFor(bool present) => new(present ? 0.9 : 0.1);

    private static string FindingId(ReportRequest request) => ((AnalysedStudyResult)request.Result).Findings[0].Finding.Id;

    /// <summary>Returns the Referenced SOP Sequence items of the "Source of Measurement" IMAGE items in the finding's measurement group.</summary>
    private static List<DicomDataset> SourceOfMeasurementReferences(ReportRequest request, string findingId)
    {
        var sr = SrValidationTests.Writer("en").Write(request).Dataset;
        var group = AllItems(sr).Single(item => IsMeasurementGroupOf(item, findingId));
        return [.. group.GetSequence(DicomTags.ContentSequence)!.Items
            .Where(item => item.GetString(DicomTags.ValueType) == "IMAGE")
            .Select(item => item.GetSequence(DicomTags.ReferencedSOPSequence)!.Items[0])];
    }

    private static bool IsMeasurementGroupOf(DicomDataset item, string findingId) =>
        item.GetSequence(DicomTags.ContentSequence)?.Items.Any(child => child.GetString(DicomTags.ValueType) == "TEXT" && child.GetString(DicomTags.TextValue) == findingId) == true
        && item.GetString(DicomTags.ValueType) == "CONTAINER";

    private static IEnumerable<DicomDataset> AllItems(DicomDataset dataset)
    {
        if (dataset.GetSequence(DicomTags.ContentSequence) is not { } content)
        {
            yield break;
        }

        foreach (var item in content.Items)
        {
            yield return item;
            foreach (var nested in AllItems(item))
            {
                yield return nested;
            }
        }
    }
}
