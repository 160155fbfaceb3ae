using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Uids;

namespace Node.Reports;

/// <summary>
/// One instance of the source study, as received: its data set and the transfer syntax that
/// encodes its pixel data (needed to decode encapsulated pixel data for the overlays).
/// </summary>
public sealed record SourceInstance(DicomDataset Dataset, DicomTransferSyntax TransferSyntax)
{
    public static SourceInstance FromFile(DicomFile file) => new(file.Dataset, file.TransferSyntax);

    /// <summary>Wraps a data set whose pixel data is native (not encapsulated), as the node's reader keeps it.</summary>
    public static SourceInstance FromDataset(DicomDataset dataset) => new(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);

    public string SopClassUid => Dataset.GetUid(Dicom.Tags.DicomTags.SOPClassUID) ?? string.Empty;

    public string SopInstanceUid => Dataset.GetUid(Dicom.Tags.DicomTags.SOPInstanceUID) ?? string.Empty;

    public string SeriesInstanceUid => Dataset.GetUid(Dicom.Tags.DicomTags.SeriesInstanceUID) ?? string.Empty;

    public string StudyInstanceUid => Dataset.GetUid(Dicom.Tags.DicomTags.StudyInstanceUID) ?? string.Empty;
}
