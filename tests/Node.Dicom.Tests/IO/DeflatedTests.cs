using System.IO.Compression;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Tests.Support;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.IO;

/// <summary>
/// Deflated Explicit VR Little Endian: the data set after the file meta information is one raw
/// DEFLATE stream (RFC 1951, no zlib header). Deflated files from our writer and from DCMTK
/// must decode to the values of the plain file, and a small input that inflates past
/// <see cref="DicomReadOptions.MaxInflatedLength"/> must fail as malformed.
/// </summary>
[TestFixture]
public sealed class DeflatedTests
{
    private const int BombInflatedLength = 8 * 1024 * 1024;
    private const long BombCap = 1024 * 1024;

    [Test]
    public void Our_deflated_file_reads_as_plain()
    {
        var plain = new DicomFile(SampleDataset());
        var deflated = new DicomFile(SampleDataset(), DicomTransferSyntax.DeflatedExplicitVRLittleEndian);

        var readBack = DicomFile.Read(deflated.ToBytes());

        Assert.That(readBack.TransferSyntax, Is.EqualTo(DicomTransferSyntax.DeflatedExplicitVRLittleEndian));
        Assert.That(DatasetComparer.FindFirstDifference(DicomFile.Read(plain.ToBytes()).Dataset, readBack.Dataset), Is.Null);
    }

    [Test]
    [Description("The stream after the meta information must be raw DEFLATE of exactly the Explicit VR data set bytes.")]
    public void Our_deflated_bytes_are_raw_deflate()
    {
        var dataset = SampleDataset();
        var fileBytes = new DicomFile(dataset, DicomTransferSyntax.DeflatedExplicitVRLittleEndian).ToBytes();
        using var plainDataset = new MemoryStream();
        DicomFile.WriteDataset(plainDataset, dataset, DicomTransferSyntax.ExplicitVRLittleEndian);

        var inflated = Inflate(fileBytes.AsSpan(DataSetOffset(fileBytes)).ToArray());

        Assert.That(inflated, Is.EqualTo(plainDataset.ToArray()));
    }

    [Test]
    [Description("A deflated data set travels in PDVs of even length, so an odd-length bitstream gets one trailing zero byte. Data sets of growing size give both parities.")]
    public void Deflated_data_set_has_even_length()
    {
        var lengths = new List<long>();
        for (var extra = 0; extra < 12; extra++)
        {
            var dataset = SampleDataset();
            var text = string.Concat(Enumerable.Range(0, (extra * 5) + 1).Select(index => (char)('a' + (index * 7 % 26))));
            dataset.SetString(DicomTags.StudyDescription, DicomVR.LO, text);
            using var output = new MemoryStream();

            DicomFile.WriteDataset(output, dataset, DicomTransferSyntax.DeflatedExplicitVRLittleEndian);

            lengths.Add(output.Length);
            Assert.That(DicomFile.ReadDataset(output.ToArray(), DicomTransferSyntax.DeflatedExplicitVRLittleEndian).GetString(DicomTags.StudyDescription), Is.EqualTo(text));
        }

        Assert.That(lengths, Has.All.Matches<long>(length => length % 2 == 0));
    }

    [Test]
    public void Dcmtk_deflated_file_reads_as_plain()
    {
        var folder = Directory.CreateTempSubdirectory("ainode-deflate-");
        try
        {
            var plainPath = Path.Combine(folder.FullName, "plain.dcm");
            var deflatedPath = Path.Combine(folder.FullName, "deflated.dcm");
            new DicomFile(SampleDataset()).Save(plainPath);
            PeerChecks.Dcmconv(plainPath, deflatedPath, "+td");

            var deflated = DicomFile.Open(deflatedPath);

            Assert.That(deflated.TransferSyntax, Is.EqualTo(DicomTransferSyntax.DeflatedExplicitVRLittleEndian));
            Assert.That(DatasetComparer.FindFirstDifference(DicomFile.Open(plainPath).Dataset, deflated.Dataset), Is.Null);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    [Description("pydicom's deflated sample against DCMTK's inflated copy of it.")]
    public void Pydicom_deflated_sample_matches_dcmtk_inflated()
    {
        var sample = Samples.Pydicom("image_dfl.dcm");
        var folder = Directory.CreateTempSubdirectory("ainode-deflate-");
        try
        {
            var inflatedPath = Path.Combine(folder.FullName, "inflated.dcm");
            PeerChecks.Dcmconv(sample, inflatedPath, "+te");

            var deflated = DicomFile.Open(sample);

            Assert.That(DatasetComparer.FindFirstDifference(DicomFile.Open(inflatedPath).Dataset, deflated.Dataset), Is.Null);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Inflating_past_cap_throws_format_exception(bool fromStream)
    {
        var bomb = DeflateBomb();
        var options = new DicomReadOptions { MaxInflatedLength = BombCap };

        TestDelegate read = fromStream
            ? () => DicomFile.Read(new NonSeekableStream(bomb), options)
            : () => DicomFile.Read(bomb, options);

        Assert.That(bomb, Has.Length.LessThan(BombCap / 16), "the input is small");
        Assert.That(read, Throws.TypeOf<DicomFormatException>().With.Message.Contains("MaxInflatedLength"));
    }

    [Test]
    public void Inflating_within_cap_reads_bomb()
    {
        var options = new DicomReadOptions { MaxInflatedLength = 2L * BombInflatedLength };

        var file = DicomFile.Read(DeflateBomb(), options);

        Assert.That(file.Dataset.GetElement(DicomTags.PixelData), Is.InstanceOf<DicomValueElement>().With.Property("Length").EqualTo(BombInflatedLength));
    }

    [Test]
    public void Bare_deflated_dataset_past_cap_throws()
    {
        using var output = new MemoryStream();
        DicomFile.WriteDataset(output, BombDataset(), DicomTransferSyntax.DeflatedExplicitVRLittleEndian);
        var options = new DicomReadOptions { MaxInflatedLength = BombCap };

        Assert.That(() => DicomFile.ReadDataset(output.ToArray(), DicomTransferSyntax.DeflatedExplicitVRLittleEndian, options), Throws.TypeOf<DicomFormatException>());
    }

    private static DicomDataset SampleDataset()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7");
        dataset.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.3.4.5.6.7");
        dataset.SetString(DicomTags.PatientName, DicomVR.PN, "Doe^Jane");
        dataset.SetString(DicomTags.PatientID, DicomVR.LO, "PID-1");
        var item = new DicomDataset();
        item.SetString(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, "1.2.3.4.5.6.8");
        dataset.SetSequence(DicomTags.ReferencedImageSequence, item);
        dataset.SetValues(DicomTags.Rows, DicomVR.US, (ushort)4);
        dataset.SetValues(DicomTags.Columns, DicomVR.US, (ushort)4);
        dataset.SetValues(DicomTags.PixelData, DicomVR.OW, Enumerable.Range(0, 16).Select(i => (ushort)(i * 1000)).ToArray());
        return dataset;
    }

    /// <summary>A data set whose Pixel Data is <see cref="BombInflatedLength"/> zero bytes, which deflate to a few KiB.</summary>
    private static DicomDataset BombDataset()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7");
        dataset.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.3.4.5.6.9");
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OB, new byte[BombInflatedLength]);
        return dataset;
    }

    private static byte[] DeflateBomb() => new DicomFile(BombDataset(), DicomTransferSyntax.DeflatedExplicitVRLittleEndian).ToBytes();

    /// <summary>Returns the offset after the file meta information: preamble, "DICM", and the 12-byte group length element plus its value.</summary>
    private static int DataSetOffset(byte[] file)
    {
        const int groupLengthValueOffset = 128 + 4 + 8;
        return groupLengthValueOffset + 4 + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(groupLengthValueOffset));
    }

    private static byte[] Inflate(byte[] compressed)
    {
        using var inflater = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        inflater.CopyTo(inflated);
        return inflated.ToArray();
    }
}
