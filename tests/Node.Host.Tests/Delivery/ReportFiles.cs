using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Host.Tests.Delivery;

/// <summary>Writes small report-like Part 10 files: one Comprehensive SR and some 4 x 4 pixel Secondary Capture images of one study.</summary>
internal static class ReportFiles
{
    private const int Side = 4;

    /// <summary>Writes one SR and <paramref name="imageCount"/> SC files into <paramref name="folder"/>; returns each SOP Instance UID with its path.</summary>
    public static IReadOnlyList<(string SopInstanceUid, string Path)> Write(string folder, int imageCount = 2)
    {
        var study = DicomUid.Generate();
        var files = new List<(string SopInstanceUid, string Path)> { Save(folder, StructuredReport(study)) };
        for (var i = 0; i < imageCount; i++)
        {
            files.Add(Save(folder, SecondaryCapture(study, i + 1)));
        }

        return files;
    }

    private static (string SopInstanceUid, string Path) Save(string folder, DicomDataset dataset)
    {
        var uid = dataset.GetUid(DicomTags.SOPInstanceUID)!;
        var path = Path.Combine(folder, uid + ".dcm");
        new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
        return (uid, path);
    }

    private static DicomDataset Common(string sopClass, string study, string modality)
    {
        var dataset = new DicomDataset();
        dataset.SetUid(DicomTags.SOPClassUID, sopClass);
        dataset.SetUid(DicomTags.SOPInstanceUID, DicomUid.Generate());
        dataset.SetUid(DicomTags.StudyInstanceUID, study);
        dataset.SetUid(DicomTags.SeriesInstanceUID, DicomUid.Generate());
        dataset.SetString(DicomTags.Modality, modality);
        dataset.SetString(DicomTags.PatientID, "DELIVERY-TEST");
        return dataset;
    }

    private static DicomDataset StructuredReport(string study)
    {
        var dataset = Common(DicomUids.ComprehensiveSRStorage, study, "SR");
        dataset.SetString(DicomTags.ValueType, "CONTAINER");
        dataset.SetString(DicomTags.ContinuityOfContent, "SEPARATE");
        dataset.SetString(DicomTags.CompletionFlag, "COMPLETE");
        dataset.SetString(DicomTags.VerificationFlag, "UNVERIFIED");
        return dataset;
    }

    private static DicomDataset SecondaryCapture(string study, int instanceNumber)
    {
        var dataset = Common(DicomUids.SecondaryCaptureImageStorage, study, "OT");
        dataset.SetString(DicomTags.InstanceNumber, instanceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        dataset.SetString(DicomTags.ConversionType, "WSD");
        dataset.SetInt32(DicomTags.SamplesPerPixel, 1);
        dataset.SetString(DicomTags.PhotometricInterpretation, "MONOCHROME2");
        dataset.SetInt32(DicomTags.Rows, Side);
        dataset.SetInt32(DicomTags.Columns, Side);
        dataset.SetInt32(DicomTags.BitsAllocated, 8);
        dataset.SetInt32(DicomTags.BitsStored, 8);
        dataset.SetInt32(DicomTags.HighBit, 7);
        dataset.SetInt32(DicomTags.PixelRepresentation, 0);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OB, Enumerable.Range(0, Side * Side).Select(value => (byte)(value * 16)).ToArray());
        return dataset;
    }
}
