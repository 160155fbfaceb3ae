using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Imaging;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.Imaging;

[TestFixture]
[Description("Enhanced multi-frame images carry each frame's rescale and window in functional groups (PS3.3 C.7.6.16), per-frame before shared, else at the top level.")]
public sealed class FrameFunctionalGroupsTests
{
    private const int Rows = 4;

    /// <summary>Wide enough that the 16-bit rows fill whole SIMD vectors, so the vectorised rescale runs.</summary>
    private const int Columns = 8;

    private const int FrameCount = 3;

    private static readonly DicomTransferSyntax Native = DicomTransferSyntax.ExplicitVRLittleEndian;

    /// <summary>Intercepts that differ frame by frame, as a scanner may write them for one series.</summary>
    private static readonly double[] Intercepts = [-1024, -1000, 0];

    /// <summary>The modality values every frame must give: Hounsfield units from air to dense bone.</summary>
    private static readonly float[] ExpectedModality = [.. Enumerable.Range(0, Rows * Columns).Select(i => (float)(-1000 + (61 * i)))];

    [Test]
    public void Modality_frames_use_per_frame_intercepts()
    {
        var dataset = EnhancedCt(Intercepts, sharedIntercept: null);

        var pixels = DicomPixelData.Create(dataset, Native);

        for (var frame = 0; frame < FrameCount; frame++)
        {
            Assert.That(pixels.GetModalityFrame(frame), Is.EqualTo(ExpectedModality), $"frame {frame + 1}");
        }
    }

    [Test]
    [Description("The stored values of the frames differ, so equal modality values prove each frame got its own intercept.")]
    public void Stored_frames_differ_between_frames()
    {
        var pixels = DicomPixelData.Create(EnhancedCt(Intercepts, sharedIntercept: null), Native);

        Assert.That(pixels.GetFrame<short>(0), Is.Not.EqualTo(pixels.GetFrame<short>(2)));
    }

    [Test]
    public void Frame_rescale_reads_per_frame_item()
    {
        var pixels = DicomPixelData.Create(EnhancedCt(Intercepts, sharedIntercept: null), Native);

        var rescale = pixels.GetFrameRescale(1);

        Assert.That(rescale.Slope, Is.EqualTo(1));
        Assert.That(rescale.Intercept, Is.EqualTo(-1000));
        Assert.That(rescale.Type, Is.EqualTo("HU"));
    }

    [Test]
    public void Shared_rescale_applies_to_every_frame()
    {
        var dataset = EnhancedCt([-1024, -1024, -1024], sharedIntercept: -1024, perFrameRescale: false);

        var pixels = DicomPixelData.Create(dataset, Native);

        for (var frame = 0; frame < FrameCount; frame++)
        {
            Assert.That(pixels.GetModalityFrame(frame), Is.EqualTo(ExpectedModality), $"frame {frame + 1}");
        }
    }

    [Test]
    [Description("A file should not carry a group in both places; where it does, the per-frame item is the more specific and wins.")]
    public void Per_frame_rescale_overrides_shared()
    {
        var dataset = EnhancedCt(Intercepts, sharedIntercept: 500);

        var pixels = DicomPixelData.Create(dataset, Native);

        for (var frame = 0; frame < FrameCount; frame++)
        {
            Assert.That(pixels.GetModalityFrame(frame), Is.EqualTo(ExpectedModality), $"frame {frame + 1}");
        }
    }

    [Test]
    public void Top_level_rescale_applies_without_group()
    {
        var dataset = EnhancedCt([-1024, -1024, -1024], sharedIntercept: null, perFrameRescale: false);
        dataset.SetString(DicomTags.RescaleSlope, DicomVR.DS, "1");
        dataset.SetString(DicomTags.RescaleIntercept, DicomVR.DS, "-1024");

        var pixels = DicomPixelData.Create(dataset, Native);

        Assert.That(pixels.GetFrameRescale(2).Intercept, Is.EqualTo(-1024));
        Assert.That(pixels.GetModalityFrame(2), Is.EqualTo(ExpectedModality));
    }

    [Test]
    [Description("Without any rescale the modality values are the stored values (slope 1, intercept 0).")]
    public void Missing_rescale_leaves_stored_values()
    {
        var dataset = EnhancedCt([0, 0, 0], sharedIntercept: null, perFrameRescale: false);

        var pixels = DicomPixelData.Create(dataset, Native);

        Assert.That(pixels.GetFrameRescale(0), Is.EqualTo(new FrameRescale(1, 0, null)));
        Assert.That(pixels.GetModalityFrame(0), Is.EqualTo(ExpectedModality));
    }

    [Test]
    public void Short_per_frame_sequence_is_rejected()
    {
        var dataset = EnhancedCt(Intercepts, sharedIntercept: null);
        dataset.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence)!.Items.RemoveAt(2);

        var exception = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(dataset, Native));

        Assert.That(exception!.Tag, Is.EqualTo(DicomTags.PerFrameFunctionalGroupsSequence));
        Assert.That(exception.Reason, Is.EqualTo(
            "Per-frame Functional Groups Sequence (5200,9230) contains 2 items, fewer than Number of Frames (0028,0008) 3, so frame 3 has no functional groups"));
    }

    [Test]
    [Description("Files cut down to fewer frames keep the longer sequence; the first items still belong to the frames that remain.")]
    public void Long_per_frame_sequence_uses_first_items()
    {
        var dataset = EnhancedCt(Intercepts, sharedIntercept: null);
        var perFrame = dataset.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence)!;
        var extra = new DicomDataset();
        extra.SetSequence(DicomTags.PixelValueTransformationSequence, Rescale(777));
        perFrame.Items.Add(extra);

        var pixels = DicomPixelData.Create(dataset, Native);

        Assert.That(pixels.FrameCount, Is.EqualTo(FrameCount));
        Assert.That(pixels.GetFrameRescale(2).Intercept, Is.EqualTo(0));
        Assert.That(pixels.GetModalityFrame(2), Is.EqualTo(ExpectedModality));
    }

    [Test]
    public void Shared_sequence_of_two_items_is_rejected()
    {
        var dataset = EnhancedCt(Intercepts, sharedIntercept: null);
        dataset.SetSequence(DicomTags.SharedFunctionalGroupsSequence, new DicomDataset(), new DicomDataset());

        var exception = Assert.Throws<DicomPixelDataException>(() => FrameFunctionalGroups.Read(dataset));

        Assert.That(exception!.Tag, Is.EqualTo(DicomTags.SharedFunctionalGroupsSequence));
        Assert.That(exception.Reason, Is.EqualTo("Shared Functional Groups Sequence (5200,9229) contains 2 items, expected exactly one"));
    }

    [Test]
    [Description("A zero slope in one frame is found when that frame is read, and the message names the tag, the frame and the sequence.")]
    public void Zero_slope_names_tag_and_frame()
    {
        var dataset = EnhancedCt(Intercepts, sharedIntercept: null);
        RescaleItem(dataset, 1).SetString(DicomTags.RescaleSlope, DicomVR.DS, "0");
        var pixels = DicomPixelData.Create(dataset, Native);

        var exception = Assert.Throws<DicomPixelDataException>(() => pixels.GetModalityFrame(1));

        Assert.That(exception!.Tag, Is.EqualTo(DicomTags.RescaleSlope));
        Assert.That(exception.Reason, Is.EqualTo(
            "Rescale Slope (0028,1053) 0 is invalid: it would map every stored value to the intercept " +
            "(frame 2, Pixel Value Transformation Sequence (0028,9145) in the Per-frame Functional Groups Sequence (5200,9230))"));
        Assert.That(pixels.GetModalityFrame(0), Is.EqualTo(ExpectedModality), "frame 1 is sound");
    }

    [TestCase("NaN")]
    [TestCase("abc")]
    public void Slope_not_a_number_names_frame(string slope)
    {
        var dataset = EnhancedCt(Intercepts, sharedIntercept: null);
        RescaleItem(dataset, 2).SetString(DicomTags.RescaleSlope, DicomVR.DS, slope);
        var groups = FrameFunctionalGroups.Read(dataset);

        var exception = Assert.Throws<DicomPixelDataException>(() => groups.GetRescale(2));

        Assert.That(exception!.Tag, Is.EqualTo(DicomTags.RescaleSlope));
        Assert.That(exception.Reason, Does.StartWith($"Rescale Slope (0028,1053) '{slope}' is not a decimal number (frame 3, "));
    }

    [Test]
    public void Group_without_intercept_is_rejected()
    {
        var dataset = EnhancedCt(Intercepts, sharedIntercept: null);
        RescaleItem(dataset, 0).Remove(DicomTags.RescaleIntercept);
        var groups = FrameFunctionalGroups.Read(dataset);

        var exception = Assert.Throws<DicomPixelDataException>(() => groups.GetRescale(0));

        Assert.That(exception!.Tag, Is.EqualTo(DicomTags.RescaleIntercept));
        Assert.That(exception.Reason, Does.StartWith("Rescale Intercept (0028,1052) is missing or empty; the functional group requires it (frame 1, "));
    }

    [Test]
    [Description("The window comes from the per-frame item, else the shared item, else the top level.")]
    public void Window_lookup_order_per_frame_first()
    {
        var dataset = EnhancedCt(Intercepts, sharedIntercept: null);
        dataset.SetString(DicomTags.WindowCenter, DicomVR.DS, "0", "10");
        dataset.SetString(DicomTags.WindowWidth, DicomVR.DS, "100", "200");
        var topLevel = FrameFunctionalGroups.Read(dataset).GetWindow(0);

        SharedItem(dataset).SetSequence(DicomTags.FrameVOILUTSequence, Window("40", "400", "SOFT TISSUE"));
        var shared = FrameFunctionalGroups.Read(dataset).GetWindow(0);

        PerFrameItem(dataset, 0).SetSequence(DicomTags.FrameVOILUTSequence, Window("-600\\40", "1500\\400", "LUNG\\SOFT TISSUE"));
        var groups = FrameFunctionalGroups.Read(dataset);

        Assert.That(topLevel, Is.EqualTo(new FrameWindow(0, 100, null)));
        Assert.That(shared, Is.EqualTo(new FrameWindow(40, 400, "SOFT TISSUE")));
        Assert.That(groups.GetWindow(0), Is.EqualTo(new FrameWindow(-600, 1500, "LUNG")));
        Assert.That(groups.GetWindow(1), Is.EqualTo(new FrameWindow(40, 400, "SOFT TISSUE")));
    }

    [Test]
    public void Window_without_any_values_is_null()
    {
        var groups = FrameFunctionalGroups.Read(EnhancedCt(Intercepts, sharedIntercept: null));

        Assert.That(groups.GetWindow(0), Is.Null);
    }

    [Test]
    public void Window_item_without_width_names_frame()
    {
        var dataset = EnhancedCt(Intercepts, sharedIntercept: null);
        var item = new DicomDataset();
        item.SetString(DicomTags.WindowCenter, DicomVR.DS, "40");
        PerFrameItem(dataset, 1).SetSequence(DicomTags.FrameVOILUTSequence, item);
        var groups = FrameFunctionalGroups.Read(dataset);

        var exception = Assert.Throws<DicomFormatException>(() => groups.GetWindow(1));

        Assert.That(exception, Is.Not.InstanceOf<DicomPixelDataException>());
        Assert.That(exception!.Tag, Is.EqualTo(DicomTags.WindowWidth));
        Assert.That(exception.Reason, Is.EqualTo(
            "Window Center (0028,1050) is present without Window Width (0028,1051); the two are required together " +
            "(frame 2, Frame VOI LUT Sequence (0028,9132) in the Per-frame Functional Groups Sequence (5200,9230))"));
    }

    [Test]
    public void Every_frame_contains_attribute_in_shared_group()
    {
        var dataset = EnhancedCt(Intercepts, sharedIntercept: null);

        var groups = FrameFunctionalGroups.Read(dataset);

        Assert.That(groups.HasFunctionalGroups, Is.True);
        Assert.That(groups.ContainsForEveryFrame(DicomTags.PixelSpacing), Is.True, "Pixel Measures in the shared item");
        Assert.That(groups.ContainsForEveryFrame(DicomTags.RescaleSlope), Is.True, "Pixel Value Transformation in every per-frame item");
        Assert.That(groups.ContainsForEveryFrame(DicomTags.WindowCenter), Is.False, "no Frame VOI LUT group");
    }

    [Test]
    public void Frame_without_attribute_fails_every_frame_check()
    {
        var dataset = EnhancedCt(Intercepts, sharedIntercept: null);
        PerFrameItem(dataset, 2).Remove(DicomTags.PixelValueTransformationSequence);

        var groups = FrameFunctionalGroups.Read(dataset);

        Assert.That(groups.ContainsForEveryFrame(DicomTags.RescaleSlope), Is.False);
    }

    [Test]
    public void Classic_image_has_no_functional_groups()
    {
        var dataset = PixelDatasets.Attributes(2, 2, 16).WithNativePixels(new byte[8]);
        dataset.SetString(DicomTags.RescaleIntercept, DicomVR.DS, "-1024");
        dataset.SetString(DicomTags.RescaleSlope, DicomVR.DS, "1");

        var groups = FrameFunctionalGroups.Read(dataset);

        Assert.That(groups.HasFunctionalGroups, Is.False);
        Assert.That(groups.ContainsForEveryFrame(DicomTags.RescaleSlope), Is.False, "the top level is not searched");
        Assert.That(groups.GetRescale(0), Is.EqualTo(new FrameRescale(1, -1024, null)));
        Assert.That(() => groups.GetRescale(1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    /// <summary>
    /// Returns an Enhanced CT of <see cref="FrameCount"/> frames, signed 16-bit, whose frame k
    /// stores <see cref="ExpectedModality"/> minus <paramref name="intercepts"/>[k]. The shared
    /// item carries Pixel Measures and, where <paramref name="sharedIntercept"/> is set, a Pixel
    /// Value Transformation; each per-frame item carries its own where <paramref name="perFrameRescale"/> is set.
    /// </summary>
    private static DicomDataset EnhancedCt(double[] intercepts, double? sharedIntercept, bool perFrameRescale = true)
    {
        var dataset = PixelDatasets.Attributes(Rows, Columns, 16, signed: true, frames: FrameCount);
        dataset.SetUid(DicomTags.SOPClassUID, DicomUids.EnhancedCTImageStorage);

        var shared = new DicomDataset();
        var measures = new DicomDataset();
        measures.SetString(DicomTags.PixelSpacing, DicomVR.DS, "0.5", "0.5");
        shared.SetSequence(DicomTags.PixelMeasuresSequence, measures);
        if (sharedIntercept is { } intercept)
        {
            shared.SetSequence(DicomTags.PixelValueTransformationSequence, Rescale(intercept));
        }

        var perFrame = new DicomDataset[FrameCount];
        for (var frame = 0; frame < FrameCount; frame++)
        {
            perFrame[frame] = new DicomDataset();
            if (perFrameRescale)
            {
                perFrame[frame].SetSequence(DicomTags.PixelValueTransformationSequence, Rescale(intercepts[frame]));
            }
        }

        dataset.SetSequence(DicomTags.SharedFunctionalGroupsSequence, shared);
        dataset.SetSequence(DicomTags.PerFrameFunctionalGroupsSequence, perFrame);

        var stored = intercepts.SelectMany(frameIntercept => ExpectedModality.Select(value => (short)(value - frameIntercept)));
        return dataset.WithNativePixels([.. stored.SelectMany(BitConverter.GetBytes)]);
    }

    private static DicomDataset Rescale(double intercept)
    {
        var item = new DicomDataset();
        item.SetString(DicomTags.RescaleIntercept, DicomVR.DS, DicomDecimalString.Format(intercept));
        item.SetString(DicomTags.RescaleSlope, DicomVR.DS, "1");
        item.SetString(DicomTags.RescaleType, DicomVR.LO, "HU");
        return item;
    }

    /// <summary>Returns a Frame VOI LUT item; each argument lists its values separated by '\'.</summary>
    private static DicomDataset Window(string center, string width, string explanation)
    {
        var item = new DicomDataset();
        item.SetString(DicomTags.WindowCenter, DicomVR.DS, center.Split('\\'));
        item.SetString(DicomTags.WindowWidth, DicomVR.DS, width.Split('\\'));
        item.SetString(DicomTags.WindowCenterWidthExplanation, DicomVR.LO, explanation.Split('\\'));
        return item;
    }

    private static DicomDataset SharedItem(DicomDataset dataset) => dataset.GetSequence(DicomTags.SharedFunctionalGroupsSequence)!.Items[0];

    private static DicomDataset PerFrameItem(DicomDataset dataset, int frameIndex) => dataset.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence)!.Items[frameIndex];

    private static DicomDataset RescaleItem(DicomDataset dataset, int frameIndex) =>
        PerFrameItem(dataset, frameIndex).GetSequence(DicomTags.PixelValueTransformationSequence)!.Items[0];
}
