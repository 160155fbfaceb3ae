using Node.Dicom.Tags;

namespace Node.Dicom.Imaging;

/// <summary>
/// Names of the attributes that describe pixel data, for error messages. Kept here so the
/// messages read the same whatever the data dictionary in use contains.
/// </summary>
internal static class ImagePixelAttributeNames
{
    private static readonly Dictionary<DicomTag, string> Names = new()
    {
        [DicomTags.SamplesPerPixel] = "Samples per Pixel",
        [DicomTags.PhotometricInterpretation] = "Photometric Interpretation",
        [DicomTags.PlanarConfiguration] = "Planar Configuration",
        [DicomTags.NumberOfFrames] = "Number of Frames",
        [DicomTags.Rows] = "Rows",
        [DicomTags.Columns] = "Columns",
        [DicomTags.BitsAllocated] = "Bits Allocated",
        [DicomTags.BitsStored] = "Bits Stored",
        [DicomTags.HighBit] = "High Bit",
        [DicomTags.PixelRepresentation] = "Pixel Representation",
        [DicomTags.RescaleIntercept] = "Rescale Intercept",
        [DicomTags.RescaleSlope] = "Rescale Slope",
        [DicomTags.RescaleType] = "Rescale Type",
        [DicomTags.ModalityLUTSequence] = "Modality LUT Sequence",
        [DicomTags.WindowCenter] = "Window Center",
        [DicomTags.WindowWidth] = "Window Width",
        [DicomTags.WindowCenterWidthExplanation] = "Window Center & Width Explanation",
        [DicomTags.PixelValueTransformationSequence] = "Pixel Value Transformation Sequence",
        [DicomTags.FrameVOILUTSequence] = "Frame VOI LUT Sequence",
        [DicomTags.SharedFunctionalGroupsSequence] = "Shared Functional Groups Sequence",
        [DicomTags.PerFrameFunctionalGroupsSequence] = "Per-frame Functional Groups Sequence",
        [DicomTags.ExtendedOffsetTable] = "Extended Offset Table",
        [DicomTags.ExtendedOffsetTableLengths] = "Extended Offset Table Lengths",
        [DicomTags.FloatPixelData] = "Float Pixel Data",
        [DicomTags.DoubleFloatPixelData] = "Double Float Pixel Data",
        [DicomTags.PixelData] = "Pixel Data",
    };

    /// <summary>Returns the attribute's name and tag, for example "Bits Stored (0028,0101)".</summary>
    public static string Describe(DicomTag tag) =>
        Names.TryGetValue(tag, out var name) ? $"{name} {tag}" : tag.ToString();
}
