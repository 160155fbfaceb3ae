using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.Json;

/// <summary>
/// A small data set with one element of each of the 34 VRs. It also has a group length, an empty
/// value, an empty value among others, a PN with all three component groups and a private
/// block. Its sequence has a first item with a nested sequence and an empty second item.
/// </summary>
internal static class SampleDataset
{
    public static readonly DicomTag PrivateCreator = new(0x0009, 0x0010);
    public static readonly DicomTag PrivateValue = new(0x0009, 0x1001);
    public static readonly DicomTag IdentifyingGroupLength = new(0x0008, 0x0000);

    public static DicomDataset Build()
    {
        var dataset = new DicomDataset();
        dataset.SetValues<uint>(IdentifyingGroupLength, DicomVR.UL, 1234);
        dataset.SetString(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", string.Empty, "AXIAL");
        dataset.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.10.1234.1");
        dataset.SetString(DicomTags.StudyDate, DicomVR.DA, "20240131");
        dataset.SetString(DicomTags.AcquisitionDateTime, DicomVR.DT, "20240131123045.5+0100");
        dataset.SetString(DicomTags.StudyTime, DicomVR.TM, "123045.5");
        dataset.SetString(DicomTags.AccessionNumber, DicomVR.SH);
        dataset.SetString(DicomTags.RetrieveAETitle, DicomVR.AE, "AINODE");
        dataset.SetString(DicomTags.InstitutionAddress, DicomVR.ST, "1 Main Street\r\nSpringfield");
        dataset.SetString(DicomTags.LongCodeValue, DicomVR.UC, "A long code value");
        dataset.SetSequence(DicomTags.ReferencedImageSequence, ReferencedImage(), new DicomDataset());
        dataset.SetValues<uint>(DicomTags.SimpleFrameList, DicomVR.UL, 1, uint.MaxValue);
        dataset.SetValues(DicomTags.TimeRange, DicomVR.FD, 0.5, -1.25e-5);
        dataset.SetString(DicomTags.RetrieveURL, DicomVR.UR, "http://127.0.0.1:8080/studies");
        dataset.SetValues(DicomTags.RecommendedDisplayFrameRateInFloat, DicomVR.FL, 0.1f);
        dataset.SetString(PrivateCreator, DicomVR.LO, "AINODE TEST");
        dataset.SetBytes(PrivateValue, DicomVR.UN, "AB"u8.ToArray());
        dataset.SetString(DicomTags.PatientName, DicomVR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        dataset.SetString(DicomTags.PatientID, DicomVR.LO, "ID-0001");
        dataset.SetString(DicomTags.PatientAge, DicomVR.AS, "042Y");
        dataset.SetString(DicomTags.AdditionalPatientHistory, DicomVR.LT, "Line one\r\nLine two");
        dataset.SetValues(DicomTags.ReferencePixelX0, DicomVR.SL, -5);
        dataset.SetValues<short>(DicomTags.TagAngleSecondAxis, DicomVR.SS, -90);
        dataset.SetString(DicomTags.InstanceNumber, DicomVR.IS, "+007");
        dataset.SetValues<ushort>(DicomTags.FrameIncrementPointer, DicomVR.AT, 0x0018, 0x1063);
        dataset.SetValues<ushort>(DicomTags.Rows, DicomVR.US, 512);
        dataset.SetString(DicomTags.PixelSpacing, DicomVR.DS, ".5", "1.25E+1");
        dataset.SetBytes(DicomTags.RedPaletteColorLookupTableData, DicomVR.OW, new byte[] { 0x01, 0x00, 0xFF, 0xFF });
        dataset.SetString(DicomTags.TextValue, DicomVR.UT, "Finding: none.");
        dataset.SetBytes(DicomTags.EncapsulatedDocument, DicomVR.OB, "%PDF"u8.ToArray());
        dataset.SetValues(DicomTags.VectorGridData, DicomVR.OF, 1.5f);
        dataset.SetValues<uint>(DicomTags.LongPrimitivePointIndexList, DicomVR.OL, 7);
        dataset.SetValues(DicomTags.VolumetricCurvePoints, DicomVR.OD, 2.0);
        dataset.SetValues<ulong>(DicomTags.SelectorOVValue, DicomVR.OV, 1);
        dataset.SetValues(DicomTags.SelectorSVValue, DicomVR.SV, -9007199254740991L, 9007199254740992L);
        dataset.SetValues(DicomTags.SelectorUVValue, DicomVR.UV, ulong.MaxValue);
        return dataset;
    }

    private static DicomDataset ReferencedImage()
    {
        var code = new DicomDataset();
        code.SetString(DicomTags.CodeValue, DicomVR.SH, "121311");
        code.SetString(DicomTags.CodingSchemeDesignator, DicomVR.SH, "DCM");
        code.SetString(DicomTags.CodeMeaning, DicomVR.LO, "Localizer");

        var item = new DicomDataset();
        item.SetString(DicomTags.ReferencedSOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2");
        item.SetString(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.10.1234.2");
        item.SetSequence(DicomTags.PurposeOfReferenceCodeSequence, code);
        return item;
    }
}
