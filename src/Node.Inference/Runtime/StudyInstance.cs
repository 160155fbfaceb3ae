using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Uids;

namespace Node.Inference.Runtime;

/// <summary>
/// One instance of a study with the transfer syntax its pixel data is encoded in, which a data
/// set read from a file no longer carries: the decoder needs it to tell RLE Lossless from JPEG
/// and to reject what it cannot decode by name.
/// </summary>
/// <param name="Dataset">The instance, without its file meta information.</param>
/// <param name="TransferSyntax">The transfer syntax of the file or association the instance came in.</param>
public sealed record StudyInstance(DicomDataset Dataset, DicomTransferSyntax TransferSyntax)
{
    /// <summary>Returns the file's data set with the transfer syntax from its file meta information.</summary>
    public static StudyInstance FromFile(DicomFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new StudyInstance(file.Dataset, file.TransferSyntax);
    }

    /// <summary>
    /// Returns a data set built in memory, or read without its file meta information, as if it
    /// were encoded in Explicit VR Little Endian. Its Pixel Data must be native: encapsulated
    /// Pixel Data then yields a "not analysed" reason, because no decoder can be chosen.
    /// </summary>
    public static StudyInstance FromDataset(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new StudyInstance(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
    }
}
