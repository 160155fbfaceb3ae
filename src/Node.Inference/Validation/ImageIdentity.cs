using Node.Dicom.Data;
using Node.Dicom.Tags;

namespace Node.Inference.Validation;

/// <summary>The UIDs that identify an instance and its study and series; empty text where an instance lacks one.</summary>
public sealed record ImageIdentity(string StudyInstanceUid, string SeriesInstanceUid, string SopInstanceUid)
{
    public static ImageIdentity Of(DicomDataset dataset) => new(
        dataset.GetUid(DicomTags.StudyInstanceUID) ?? string.Empty,
        dataset.GetUid(DicomTags.SeriesInstanceUID) ?? string.Empty,
        dataset.GetUid(DicomTags.SOPInstanceUID) ?? string.Empty);
}
