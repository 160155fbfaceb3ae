using System.Text;
using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Host.Tests.Ingest;

/// <summary>Builds small CT instances as Part 10 files or bare data sets, with patient data that must never reach a log.</summary>
internal static class TestInstances
{
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    public const string PatientName = "Doe^Jane";

    public const string PatientId = "PID-483920";

    public const string PatientBirthDate = "19610417";

    /// <summary>Builds a 2x2 CT data set. UIDs are written as raw bytes, so a test can make invalid ones; a null UID is left out.</summary>
    public static DicomDataset Dataset(string? study, string? series, string? sopInstance, string seriesDescription = "first")
    {
        var dataset = new DicomDataset();
        dataset.SetUid(DicomTags.SOPClassUID, CtImageStorage);
        SetRawUid(dataset, DicomTags.SOPInstanceUID, sopInstance);
        SetRawUid(dataset, DicomTags.StudyInstanceUID, study);
        SetRawUid(dataset, DicomTags.SeriesInstanceUID, series);
        dataset.SetString(DicomTags.PatientName, PatientName);
        dataset.SetString(DicomTags.PatientID, PatientId);
        dataset.SetString(DicomTags.PatientBirthDate, PatientBirthDate);
        dataset.SetString(DicomTags.Modality, "CT");
        dataset.SetString(DicomTags.SeriesDescription, seriesDescription);
        dataset.SetValues<ushort>(DicomTags.Rows, DicomVR.US, 2);
        dataset.SetValues<ushort>(DicomTags.Columns, DicomVR.US, 2);
        dataset.SetValues<ushort>(DicomTags.BitsAllocated, DicomVR.US, 16);
        dataset.SetValues<ushort>(DicomTags.BitsStored, DicomVR.US, 12);
        dataset.SetValues<ushort>(DicomTags.HighBit, DicomVR.US, 11);
        dataset.SetValues<ushort>(DicomTags.PixelRepresentation, DicomVR.US, 0);
        dataset.SetValues<ushort>(DicomTags.SamplesPerPixel, DicomVR.US, 1);
        dataset.SetString(DicomTags.PhotometricInterpretation, "MONOCHROME2");
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, new byte[] { 1, 0, 2, 0, 3, 0, 4, 0 });
        return dataset;
    }

    /// <summary>Writes a Part 10 file in Explicit VR Little Endian to <paramref name="folder"/> and returns its path.</summary>
    public static string WriteFile(string folder, string? study, string? series, string? sopInstance, string seriesDescription = "first")
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.dcm");
        new DicomFile(Dataset(study, series, sopInstance, seriesDescription), DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
        return path;
    }

    /// <summary>Encodes a data set as a C-STORE carries it: no preamble, no meta information.</summary>
    public static byte[] Encode(DicomDataset dataset)
    {
        using var output = new MemoryStream();
        DicomFile.WriteDataset(output, dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        return output.ToArray();
    }

    private static void SetRawUid(DicomDataset dataset, DicomTag tag, string? uid)
    {
        if (uid is null)
        {
            return;
        }

        var bytes = Encoding.ASCII.GetBytes(uid.Length % 2 == 0 ? uid : uid + "\0");
        dataset.Set(new DicomValueElement(tag, DicomVR.UI, bytes));
    }
}
