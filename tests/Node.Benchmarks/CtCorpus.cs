using System.Globalization;
using System.Numerics;
using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Benchmarks;

/// <summary>
/// A corpus of one CT series: 512x512 images of 16-bit stored values with the header a CT
/// scanner writes. The header has the patient, study, series, frame of reference, equipment,
/// image plane, CT image and VOI LUT modules, a sequence and a private block. Our writer
/// writes the files in Explicit VR Little Endian. Pixel values are seeded noise around a
/// body-shaped ellipse.
/// </summary>
internal static class CtCorpus
{
    private const int Size = 512;
    private const string ManifestName = "corpus.txt";
    private const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    /// <summary>Stored value of air: -1000 HU with Rescale Intercept -1024.</summary>
    private const int AirStored = 24;

    /// <summary>Stored value of soft tissue: 40 HU with Rescale Intercept -1024.</summary>
    private const int TissueStored = 1064;

    private const int NoiseStored = 60;
    private const double SliceThicknessMm = 1.25;

    /// <summary>Returns the corpus files, writing them first unless the folder already contains this count and seed.</summary>
    public static IReadOnlyList<string> Ensure(DirectoryInfo folder, int count, int seed)
    {
        var manifest = Path.Combine(folder.FullName, ManifestName);
        var expected = string.Create(CultureInfo.InvariantCulture, $"count={count} seed={seed}");
        var files = Enumerable.Range(1, count).Select(i => Path.Combine(folder.FullName, $"ct-{i:D4}.dcm")).ToList();
        if (File.Exists(manifest) && File.ReadAllText(manifest) == expected && files.All(File.Exists))
        {
            return files;
        }

        folder.Create();
        var random = new Random(seed);
        var study = new SeriesIdentity(NewUid(random), NewUid(random), NewUid(random));
        for (var i = 0; i < count; i++)
        {
            new DicomFile(Image(study, i, NewUid(random), new Random(seed + i + 1))).Save(files[i]);
        }

        File.WriteAllText(manifest, expected);
        return files;
    }

    private static DicomDataset Image(SeriesIdentity series, int index, string instanceUid, Random random)
    {
        var dataset = new DicomDataset();
        AddHeader(dataset, series, index, instanceUid);
        dataset.SetValues(DicomTags.PixelData, DicomVR.OW, Pixels(random));
        return dataset;
    }

    private static void AddHeader(DicomDataset dataset, SeriesIdentity series, int index, string instanceUid)
    {
        var z = (-index * SliceThicknessMm).ToString("F2", CultureInfo.InvariantCulture);
        Text(dataset, DicomVR.CS, DicomTags.SpecificCharacterSet, "ISO_IR 100");
        Text(dataset, DicomVR.CS, DicomTags.ImageType, "ORIGINAL", "PRIMARY", "AXIAL");
        Text(dataset, DicomVR.UI, DicomTags.SOPClassUID, CtImageStorage);
        Text(dataset, DicomVR.UI, DicomTags.SOPInstanceUID, instanceUid);
        Text(dataset, DicomVR.DA, DicomTags.StudyDate, "20240315");
        Text(dataset, DicomVR.DA, DicomTags.SeriesDate, "20240315");
        Text(dataset, DicomVR.TM, DicomTags.StudyTime, "101500");
        Text(dataset, DicomVR.TM, DicomTags.AcquisitionTime, "101742.125000");
        Text(dataset, DicomVR.SH, DicomTags.AccessionNumber, "ACC20240315001");
        Text(dataset, DicomVR.CS, DicomTags.Modality, "CT");
        Text(dataset, DicomVR.LO, DicomTags.Manufacturer, "ACME Medical");
        Text(dataset, DicomVR.LO, DicomTags.InstitutionName, "General Hospital");
        Text(dataset, DicomVR.PN, DicomTags.ReferringPhysicianName, "Smith^John^^Dr.");
        Text(dataset, DicomVR.LO, DicomTags.StudyDescription, "CT CHEST WITH CONTRAST");
        Text(dataset, DicomVR.LO, DicomTags.SeriesDescription, "Axial 1.25mm Lung");
        dataset.SetSequence(DicomTags.ProcedureCodeSequence, Code("24627-2", "LN", "CT Chest"));
        Text(dataset, DicomVR.PN, DicomTags.PatientName, "Doe^Jane");
        Text(dataset, DicomVR.LO, DicomTags.PatientID, "PID-000123");
        Text(dataset, DicomVR.DA, DicomTags.PatientBirthDate, "19600101");
        Text(dataset, DicomVR.CS, DicomTags.PatientSex, "F");
        Text(dataset, DicomVR.AS, DicomTags.PatientAge, "064Y");
        Text(dataset, DicomVR.CS, DicomTags.BodyPartExamined, "CHEST");
        Text(dataset, DicomVR.DS, DicomTags.SliceThickness, "1.25");
        Text(dataset, DicomVR.DS, DicomTags.KVP, "120");
        Text(dataset, DicomVR.DS, DicomTags.DataCollectionDiameter, "500");
        Text(dataset, DicomVR.LO, DicomTags.SoftwareVersions, "VA40");
        Text(dataset, DicomVR.DS, DicomTags.ReconstructionDiameter, "350");
        Text(dataset, DicomVR.DS, DicomTags.GantryDetectorTilt, "0");
        Text(dataset, DicomVR.IS, DicomTags.XRayTubeCurrent, "250");
        Text(dataset, DicomVR.IS, DicomTags.Exposure, "180");
        Text(dataset, DicomVR.SH, DicomTags.ConvolutionKernel, "B70f");
        Text(dataset, DicomVR.CS, DicomTags.PatientPosition, "HFS");
        Text(dataset, DicomVR.UI, DicomTags.StudyInstanceUID, series.StudyUid);
        Text(dataset, DicomVR.UI, DicomTags.SeriesInstanceUID, series.SeriesUid);
        Text(dataset, DicomVR.SH, DicomTags.StudyID, "1");
        Text(dataset, DicomVR.IS, DicomTags.SeriesNumber, "3");
        Text(dataset, DicomVR.IS, DicomTags.InstanceNumber, (index + 1).ToString(CultureInfo.InvariantCulture));
        Text(dataset, DicomVR.DS, DicomTags.ImagePositionPatient, "-175", "-175", z);
        Text(dataset, DicomVR.DS, DicomTags.ImageOrientationPatient, "1", "0", "0", "0", "1", "0");
        Text(dataset, DicomVR.IS, DicomTags.AcquisitionNumber, "1");
        Text(dataset, DicomVR.UI, DicomTags.FrameOfReferenceUID, series.FrameOfReferenceUid);
        Text(dataset, DicomVR.LO, DicomTags.PositionReferenceIndicator, "SN");
        Text(dataset, DicomVR.DS, DicomTags.SliceLocation, z);
        AddPixelModule(dataset);
        AddPrivateBlock(dataset);
    }

    private static void AddPixelModule(DicomDataset dataset)
    {
        dataset.SetValues(DicomTags.SamplesPerPixel, DicomVR.US, (ushort)1);
        Text(dataset, DicomVR.CS, DicomTags.PhotometricInterpretation, "MONOCHROME2");
        dataset.SetValues(DicomTags.Rows, DicomVR.US, (ushort)Size);
        dataset.SetValues(DicomTags.Columns, DicomVR.US, (ushort)Size);
        Text(dataset, DicomVR.DS, DicomTags.PixelSpacing, "0.683594", "0.683594");
        dataset.SetValues(DicomTags.BitsAllocated, DicomVR.US, (ushort)16);
        dataset.SetValues(DicomTags.BitsStored, DicomVR.US, (ushort)12);
        dataset.SetValues(DicomTags.HighBit, DicomVR.US, (ushort)11);
        dataset.SetValues(DicomTags.PixelRepresentation, DicomVR.US, (ushort)0);
        Text(dataset, DicomVR.DS, DicomTags.WindowCenter, "-600", "40");
        Text(dataset, DicomVR.DS, DicomTags.WindowWidth, "1500", "400");
        Text(dataset, DicomVR.DS, DicomTags.RescaleIntercept, "-1024");
        Text(dataset, DicomVR.DS, DicomTags.RescaleSlope, "1");
        Text(dataset, DicomVR.LO, DicomTags.RescaleType, "HU");
    }

    /// <summary>Adds a private block, as scanners do: a creator (0019,0010) and two elements in its range.</summary>
    private static void AddPrivateBlock(DicomDataset dataset)
    {
        Text(dataset, DicomVR.LO, new DicomTag(0x0019, 0x0010), "ACME CT 1.0");
        dataset.SetValues(new DicomTag(0x0019, 0x1010), DicomVR.FD, 0.5, 1.5, 2.5);
        dataset.SetBytes(new DicomTag(0x0019, 0x1011), DicomVR.OB, new byte[256]);
    }

    private static DicomDataset Code(string value, string scheme, string meaning)
    {
        var item = new DicomDataset();
        Text(item, DicomVR.SH, DicomTags.CodeValue, value);
        Text(item, DicomVR.SH, DicomTags.CodingSchemeDesignator, scheme);
        Text(item, DicomVR.LO, DicomTags.CodeMeaning, meaning);
        return item;
    }

    private static void Text(DicomDataset dataset, DicomVR vr, DicomTag tag, params string[] values) => dataset.SetString(tag, vr, values);

    /// <summary>Returns 512x512 stored values: air outside an ellipse, soft tissue with noise inside.</summary>
    private static ushort[] Pixels(Random random)
    {
        var pixels = new ushort[Size * Size];
        var noise = new byte[pixels.Length];
        random.NextBytes(noise);
        const double radiusX = Size * 0.42;
        const double radiusY = Size * 0.32;
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var dx = (x - (Size / 2.0)) / radiusX;
                var dy = (y - (Size / 2.0)) / radiusY;
                var inside = (dx * dx) + (dy * dy) <= 1.0;
                var index = (y * Size) + x;
                var jitter = noise[index] * NoiseStored / 255;
                pixels[index] = (ushort)((inside ? TissueStored : AirStored) + jitter);
            }
        }

        return pixels;
    }

    /// <summary>Returns a UUID-derived UID (2.25 root, PS3.5 B.2) from seeded random bytes.</summary>
    private static string NewUid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var value = new BigInteger(bytes, isUnsigned: true);
        return "2.25." + value.ToString(CultureInfo.InvariantCulture);
    }

    private sealed record SeriesIdentity(string StudyUid, string SeriesUid, string FrameOfReferenceUid);
}
