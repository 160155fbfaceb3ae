using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Inference.Tests.Support;
using Node.Inference.Validation;

namespace Node.Inference.Tests.Validation;

[Description("A required attribute that some frames of an Enhanced CT carry and one frame lacks is a fault of that frame, so the reason names it.")]
public sealed class RequiredAttributeFrameTests
{
    private const int PhantomSeed = 31;

    [Test]
    public void Reason_names_frame_lacking_rescale()
    {
        var enhanced = Build();
        PerFrameItem(enhanced, 2).Remove(DicomTags.PixelValueTransformationSequence);

        var reasons = Check(enhanced);

        Assert.That(reasons.Select(reason => reason.Attribute), Is.EquivalentTo(new[] { "RescaleSlope (0028,1053)", "RescaleIntercept (0028,1052)" }));
        Assert.That(reasons.Select(reason => reason.FrameNumber), Is.All.EqualTo(3));
    }

    [Test]
    [Description("An empty item of the Per-frame Functional Groups Sequence gives its frame no rescale at all.")]
    public void Reason_names_frame_with_empty_item()
    {
        var enhanced = Build();
        enhanced.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence)!.Items[1] = new DicomDataset();

        var reasons = Check(enhanced);

        Assert.That(reasons.Select(reason => reason.FrameNumber), Is.All.EqualTo(2));
        Assert.That(reasons.Single(reason => reason.Attribute == "RescaleIntercept (0028,1052)").Message, Does.Contain("frame 2"));
    }

    [Test]
    [Description("Where no frame carries the attribute, the fault belongs to the whole instance, not to frame 1.")]
    public void Reason_names_no_frame_when_all_lack()
    {
        var enhanced = Build();
        foreach (var item in enhanced.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence)!.Items)
        {
            item.Remove(DicomTags.PixelValueTransformationSequence);
        }

        var reasons = Check(enhanced);

        Assert.That(reasons, Has.Count.EqualTo(2));
        Assert.That(reasons.Select(reason => reason.FrameNumber), Is.All.Null);
    }

    private static IReadOnlyList<NotAnalysedReason> Check(DicomDataset dataset) =>
        new InputRuleChecker(ReferencePack.Shared.Manifest.Input).Check(dataset);

    private static DicomDataset Build() =>
        EnhancedCt.FromClassic(PhantomSets.Generate(1, PhantomSeed)[0].Instances, EnhancedCt.Intercepts);

    private static DicomDataset PerFrameItem(DicomDataset dataset, int frameIndex) =>
        dataset.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence)!.Items[frameIndex];
}
