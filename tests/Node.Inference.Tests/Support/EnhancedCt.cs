using System.Runtime.InteropServices;
using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Inference.Tests.Support;

/// <summary>
/// Builds an Enhanced CT from the classic CT instances of a phantom study. Frame k
/// contains instance k's pixels, stored with its own Rescale Intercept in a per-frame Pixel Value
/// Transformation group, so that every frame keeps the modality values of its classic instance.
/// </summary>
internal static class EnhancedCt
{
    public const string SopClassUid = DicomUids.EnhancedCTImageStorage;

    /// <summary>Intercepts that differ frame by frame; 0 needs negative stored values, so the pixels are signed.</summary>
    public static readonly double[] Intercepts = [-1024, -1000, 0];

    /// <summary>Frame Acquisition Duration (0018,9220) of each frame, in milliseconds.</summary>
    private const double FrameDurationMs = 500;

    /// <summary>
    /// Returns the Enhanced CT of <paramref name="classic"/>, one frame per instance, with the
    /// rescale, the pixel spacing and the plane only in functional groups, none at the top level.
    /// </summary>
    /// <param name="classic">Phantom CT instances, 16-bit unsigned with Rescale Slope 1.</param>
    /// <param name="intercepts">The Rescale Intercept of each frame.</param>
    public static DicomDataset FromClassic(IReadOnlyList<DicomDataset> classic, IReadOnlyList<double> intercepts)
    {
        var first = classic[0];
        var enhanced = first.Clone();
        enhanced.SetUid(DicomTags.SOPClassUID, SopClassUid);
        enhanced.SetString(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY", "AXIAL", "NONE");
        enhanced.SetString(DicomTags.ContentDate, DicomVR.DA, first.GetString(DicomTags.StudyDate)!);
        enhanced.SetString(DicomTags.ContentTime, DicomVR.TM, first.GetString(DicomTags.StudyTime)!);
        enhanced.SetString(DicomTags.NumberOfFrames, DicomVR.IS, classic.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        enhanced.SetValues<ushort>(DicomTags.BitsStored, DicomVR.US, 16);
        enhanced.SetValues<ushort>(DicomTags.HighBit, DicomVR.US, 15);
        enhanced.SetValues<ushort>(DicomTags.PixelRepresentation, DicomVR.US, 1);
        foreach (var tag in MovedToGroups)
        {
            enhanced.Remove(tag);
        }

        enhanced.SetSequence(DicomTags.SharedFunctionalGroupsSequence, SharedGroups(first));
        enhanced.SetSequence(DicomTags.PerFrameFunctionalGroupsSequence, [.. classic.Select((instance, frame) => PerFrameGroups(instance, frame, intercepts[frame]))]);
        enhanced.SetBytes(DicomTags.PixelData, DicomVR.OW, StoredPixels(classic, intercepts));
        return enhanced;
    }

    /// <summary>Returns the modality values of a classic instance, computed here from its stored bytes and top-level rescale.</summary>
    public static float[] ClassicModalityValues(DicomDataset instance)
    {
        var intercept = instance.GetDouble(DicomTags.RescaleIntercept);
        var slope = instance.GetDouble(DicomTags.RescaleSlope);
        return [.. StoredValues(instance).ToArray().Select(stored => (float)((stored * slope) + intercept))];
    }

    /// <summary>Sets a Frame VOI LUT group with the given window in the per-frame item of each frame.</summary>
    public static void SetFrameWindows(DicomDataset enhanced, IReadOnlyList<(double Center, double Width)> windows)
    {
        var perFrame = enhanced.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence)!;
        for (var frame = 0; frame < windows.Count; frame++)
        {
            var window = new DicomDataset();
            window.SetString(DicomTags.WindowCenter, DicomVR.DS, DicomDecimalString.Format(windows[frame].Center));
            window.SetString(DicomTags.WindowWidth, DicomVR.DS, DicomDecimalString.Format(windows[frame].Width));
            perFrame.Items[frame].SetSequence(DicomTags.FrameVOILUTSequence, window);
        }
    }

    /// <summary>The top-level attributes an Enhanced CT carries in functional groups instead.</summary>
    private static readonly DicomTag[] MovedToGroups =
    [
        DicomTags.RescaleIntercept,
        DicomTags.RescaleSlope,
        DicomTags.RescaleType,
        DicomTags.WindowCenter,
        DicomTags.WindowWidth,
        DicomTags.PixelSpacing,
        DicomTags.SliceThickness,
        DicomTags.ImagePositionPatient,
        DicomTags.ImageOrientationPatient,
    ];

    private static DicomDataset SharedGroups(DicomDataset first)
    {
        var measures = new DicomDataset();
        measures.SetString(DicomTags.PixelSpacing, DicomVR.DS, first.GetStrings(DicomTags.PixelSpacing));
        measures.SetString(DicomTags.SliceThickness, DicomVR.DS, first.GetStrings(DicomTags.SliceThickness));

        var orientation = new DicomDataset();
        orientation.SetString(DicomTags.ImageOrientationPatient, DicomVR.DS, first.GetStrings(DicomTags.ImageOrientationPatient));

        var frameType = new DicomDataset();
        frameType.SetString(DicomTags.FrameType, DicomVR.CS, "ORIGINAL", "PRIMARY", "AXIAL", "NONE");

        var shared = new DicomDataset();
        shared.SetSequence(DicomTags.PixelMeasuresSequence, measures);
        shared.SetSequence(DicomTags.PlaneOrientationSequence, orientation);
        shared.SetSequence(DicomTags.CTImageFrameTypeSequence, frameType);
        return shared;
    }

    private static DicomDataset PerFrameGroups(DicomDataset instance, int frame, double intercept)
    {
        // Frame Content: the times are one second apart and only need to be valid DT values.
        var acquired = $"202401010900{frame:D2}";
        var content = new DicomDataset();
        content.SetString(DicomTags.FrameAcquisitionDateTime, DicomVR.DT, acquired);
        content.SetString(DicomTags.FrameReferenceDateTime, DicomVR.DT, acquired);
        content.SetValues<double>(DicomTags.FrameAcquisitionDuration, DicomVR.FD, FrameDurationMs);

        var position = new DicomDataset();
        position.SetString(DicomTags.ImagePositionPatient, DicomVR.DS, instance.GetStrings(DicomTags.ImagePositionPatient));

        var rescale = new DicomDataset();
        rescale.SetString(DicomTags.RescaleIntercept, DicomVR.DS, DicomDecimalString.Format(intercept));
        rescale.SetString(DicomTags.RescaleSlope, DicomVR.DS, "1");
        rescale.SetString(DicomTags.RescaleType, DicomVR.LO, "HU");

        var item = new DicomDataset();
        item.SetSequence(DicomTags.FrameContentSequence, content);
        item.SetSequence(DicomTags.PlanePositionSequence, position);
        item.SetSequence(DicomTags.PixelValueTransformationSequence, rescale);
        return item;
    }

    /// <summary>Returns every frame's stored values as signed 16-bit bytes: classic stored + classic intercept − the frame's intercept.</summary>
    private static byte[] StoredPixels(IReadOnlyList<DicomDataset> classic, IReadOnlyList<double> intercepts)
    {
        var frames = new List<byte>();
        for (var frame = 0; frame < classic.Count; frame++)
        {
            var shift = classic[frame].GetDouble(DicomTags.RescaleIntercept) - intercepts[frame];
            foreach (var stored in StoredValues(classic[frame]))
            {
                frames.AddRange(BitConverter.GetBytes(checked((short)(stored + shift))));
            }
        }

        return [.. frames];
    }

    private static ReadOnlySpan<ushort> StoredValues(DicomDataset instance) =>
        MemoryMarshal.Cast<byte, ushort>(((DicomValueElement)instance.GetElement(DicomTags.PixelData)!).Value.Span);
}
