using Node.Dicom.Data;
using Node.Dicom.Dump;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.Json;

[TestFixture]
public sealed class DicomDumpFormatterTests
{
    /// <summary>
    /// The sample data set without its group length, written by hand from the dump layout. The
    /// tag, VR and value are padded to 55 characters, then come " # ", the length in bytes
    /// (padding included), the number of values and the keyword of PS3.6. Each nesting level
    /// indents by two spaces.
    /// </summary>
    private const string ExpectedSampleDump = """
        (0008,0005) CS [ISO_IR 192]                             # 10, 1 SpecificCharacterSet
        (0008,0008) CS [ORIGINAL\\AXIAL]                        # 16, 3 ImageType
        (0008,0018) UI [1.2.826.0.1.3680043.10.1234.1]          # 30, 1 SOPInstanceUID
        (0008,0020) DA [20240131]                               # 8, 1 StudyDate
        (0008,002A) DT [20240131123045.5+0100]                  # 22, 1 AcquisitionDateTime
        (0008,0030) TM [123045.5]                               # 8, 1 StudyTime
        (0008,0050) SH (no value)                               # 0, 0 AccessionNumber
        (0008,0054) AE [AINODE]                                 # 6, 1 RetrieveAETitle
        (0008,0081) ST [1 Main Street\r\nSpringfield]           # 26, 1 InstitutionAddress
        (0008,0119) UC [A long code value]                      # 18, 1 LongCodeValue
        (0008,1140) SQ <2 items>                                # ReferencedImageSequence
          (FFFE,E000) Item 1 <3 elements>
            (0008,1150) UI [1.2.840.10008.5.1.4.1.1.2]              # 26, 1 ReferencedSOPClassUID
            (0008,1155) UI [1.2.826.0.1.3680043.10.1234.2]          # 30, 1 ReferencedSOPInstanceUID
            (0040,A170) SQ <1 item>                                 # PurposeOfReferenceCodeSequence
              (FFFE,E000) Item 1 <3 elements>
                (0008,0100) SH [121311]                                 # 6, 1 CodeValue
                (0008,0102) SH [DCM]                                    # 4, 1 CodingSchemeDesignator
                (0008,0104) LO [Localizer]                              # 10, 1 CodeMeaning
          (FFFE,E000) Item 2 <0 elements>
        (0008,1161) UL 1\4294967295                             # 8, 2 SimpleFrameList
        (0008,1163) FD 0.5\-1.25E-05                            # 16, 2 TimeRange
        (0008,1190) UR [http://127.0.0.1:8080/studies]          # 30, 1 RetrieveURL
        (0008,9459) FL 0.1                                      # 4, 1 RecommendedDisplayFrameRateInFloat
        (0009,0010) LO [AINODE TEST]                            # 12, 1 PrivateCreator
        (0009,1001) UN <2 bytes>                                # 2, 1 Private [AINODE TEST]
        (0010,0010) PN [Yamada^Tarou=山田^太郎=やまだ^たろう]             # 46, 1 PatientName
        (0010,0020) LO [ID-0001]                                # 8, 1 PatientID
        (0010,1010) AS [042Y]                                   # 4, 1 PatientAge
        (0010,21B0) LT [Line one\r\nLine two]                   # 18, 1 AdditionalPatientHistory
        (0018,6020) SL -5                                       # 4, 1 ReferencePixelX0
        (0018,9219) SS -90                                      # 2, 1 TagAngleSecondAxis
        (0020,0013) IS [+007]                                   # 4, 1 InstanceNumber
        (0028,0009) AT (0018,1063)                              # 4, 1 FrameIncrementPointer
        (0028,0010) US 512                                      # 2, 1 Rows
        (0028,0030) DS [.5\1.25E+1]                             # 10, 2 PixelSpacing
        (0028,1201) OW <4 bytes>                                # 4, 1 RedPaletteColorLookupTableData
        (0040,A160) UT [Finding: none.]                         # 14, 1 TextValue
        (0042,0011) OB <4 bytes>                                # 4, 1 EncapsulatedDocument
        (0064,0009) OF <4 bytes>                                # 4, 1 VectorGridData
        (0066,0040) OL <4 bytes>                                # 4, 1 LongPrimitivePointIndexList
        (0070,150D) OD <8 bytes>                                # 8, 1 VolumetricCurvePoints
        (0072,0081) OV <8 bytes>                                # 8, 1 SelectorOVValue
        (0072,0082) SV -9007199254740991\9007199254740992       # 16, 2 SelectorSVValue
        (0072,0083) UV 18446744073709551615                     # 8, 1 SelectorUVValue
        """;

    [Test]
    public void Dump_shows_every_vr_and_nesting()
    {
        var dataset = SampleDataset.Build();
        dataset.Remove(SampleDataset.IdentifyingGroupLength);

        var dump = DicomDumpFormatter.Format(dataset);

        Assert.That(dump, Is.EqualTo(ExpectedSampleDump + "\n"));
    }

    [Test]
    public void Dump_shows_group_length_value()
    {
        var dump = DicomDumpFormatter.Format(SampleDataset.Build());

        Assert.That(dump, Does.StartWith("(0008,0000) UL 1234 "));
    }

    [Test]
    public void Dump_shortens_long_text_and_keeps_length()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.AdditionalPatientHistory, DicomVR.LT, new string('a', 100));

        var dump = DicomDumpFormatter.Format(dataset, new DicomDumpOptions { MaxValueLength = 10 });

        Assert.That(dump, Does.StartWith("(0010,21B0) LT [aaaaaaaaaa...] "));
        Assert.That(dump, Does.EndWith(" # 100, 1 AdditionalPatientHistory\n"));
    }

    [Test]
    public void Dump_shortens_long_number_list()
    {
        var dataset = new DicomDataset();
        dataset.SetValues(DicomTags.SimpleFrameList, DicomVR.UL, Enumerable.Repeat(7u, 1000).ToArray());

        var dump = DicomDumpFormatter.Format(dataset, new DicomDumpOptions { MaxValueLength = 10 });

        Assert.That(dump, Does.StartWith(@"(0008,1161) UL 7\7\7\7\7\... "));
        Assert.That(dump, Does.EndWith(" # 4000, 1000 SimpleFrameList\n"));
    }

    [Test]
    public void Dump_keeps_value_at_the_limit_whole()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.PatientID, DicomVR.LO, "0123456789");

        var dump = DicomDumpFormatter.Format(dataset, new DicomDumpOptions { MaxValueLength = 10 });

        Assert.That(dump, Does.StartWith("(0010,0020) LO [0123456789] "));
    }

    [Test]
    public void Dump_lists_fragments_of_encapsulated_pixel_data()
    {
        var dataset = new DicomDataset();
        var fragments = new ReadOnlyMemory<byte>[] { new byte[6128], new byte[30] };
        dataset.Set(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, new byte[8], fragments));

        var lines = DicomDumpFormatter.Format(dataset).Split('\n');

        Assert.That(lines[0], Does.StartWith("(7FE0,0010) OB <encapsulated, 2 fragments> "));
        Assert.That(lines[0], Does.EndWith(" # PixelData"));
        Assert.That(lines[1], Is.EqualTo("  (FFFE,E000) Basic Offset Table <8 bytes>"));
        Assert.That(lines[2], Is.EqualTo("  (FFFE,E000) Fragment 1 <6128 bytes>"));
        Assert.That(lines[3], Is.EqualTo("  (FFFE,E000) Fragment 2 <30 bytes>"));
    }

    [Test]
    public void Dump_marks_binary_value_of_wrong_length()
    {
        var dataset = new DicomDataset();
        dataset.Set(new DicomValueElement(DicomTags.Rows, DicomVR.US, new byte[] { 0x00, 0x02, 0x00 }));

        var dump = DicomDumpFormatter.Format(dataset);

        Assert.That(dump, Does.StartWith("(0028,0010) US <3 bytes, not a multiple of 2 for VR US> "));
    }

    [Test]
    public void Dump_of_file_shows_meta_and_transfer_syntax()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7");
        dataset.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.10.1234.1");
        dataset.SetValues<ushort>(DicomTags.Rows, DicomVR.US, 1);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, new byte[2]);
        var bytes = new DicomFile(dataset, DicomTransferSyntax.ImplicitVRLittleEndian).ToBytes();
        var file = DicomFile.Read(bytes, new DicomReadOptions { StopBeforePixelData = true });
        using var output = new StringWriter { NewLine = "\n" };

        DicomDumpFormatter.Write(output, file);

        var lines = output.ToString().Split('\n');
        Assert.That(lines[0], Is.EqualTo("# File meta information (Explicit VR Little Endian)"));
        Assert.That(lines, Has.Some.StartsWith("(0002,0010) UI [1.2.840.10008.1.2] "));
        Assert.That(lines, Has.Some.EqualTo("# Data set (Implicit VR Little Endian)"));
        Assert.That(lines, Has.Some.StartsWith("(0028,0010) US 1 "));
        Assert.That(lines, Has.None.StartsWith("(7FE0,0010)"));
        Assert.That(lines[^2], Is.EqualTo("# Stopped before Pixel Data (7FE0,0010)"));
    }
}
