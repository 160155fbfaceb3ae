using Node.Dicom.Data;
using Node.Dicom.Tags;

namespace Node.Inference.Validation;

/// <summary>The UIDs that identify an image and its study and series; empty text where an instance lacks one.</summary>
/// <param name="StudyInstanceUid">Study Instance UID (0020,000D).</param>
/// <param name="SeriesInstanceUid">Series Instance UID (0020,000E).</param>
/// <param name="SopInstanceUid">SOP Instance UID (0008,0018).</param>
/// <param name="FrameNumber">
/// The frame of a multi-frame instance, numbered from 1 as Referenced Frame Number (0008,1160)
/// counts them. Null for an instance of one frame, because that instance is the image.
/// </param>
public sealed record ImageIdentity(string StudyInstanceUid, string SeriesInstanceUid, string SopInstanceUid, int? FrameNumber = null)
{
    public static ImageIdentity Of(DicomDataset dataset) => new(
        dataset.GetUid(DicomTags.StudyInstanceUID) ?? string.Empty,
        dataset.GetUid(DicomTags.SeriesInstanceUID) ?? string.Empty,
        dataset.GetUid(DicomTags.SOPInstanceUID) ?? string.Empty);
}
