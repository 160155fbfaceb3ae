using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Tests.Support;
using Node.Dicom.Uids;

namespace Node.Dicom.Tests.IO;

/// <summary>
/// Files that leave out parts of the PS3.10 layout, as old archives and some modalities write
/// them: no preamble, no file meta information, a big-endian data set without meta
/// information, and meta information without a transfer syntax. The reader finds the data set
/// and its encoding in each.
/// </summary>
[TestFixture]
public sealed class FileLayoutTests
{
    private const string SopClass = "1.2.840.10008.5.1.4.1.1.7";
    private const ushort Rows = 512;

    [Test]
    public void Prefix_without_preamble_reads()
    {
        var bytes = ExplicitDataset(new DicomBytes().Prefix().FileMeta(DicomTransferSyntax.ExplicitVRLittleEndian.Uid)).ToArray();

        AssertRead(bytes, DicomTransferSyntax.ExplicitVRLittleEndian);
    }

    [Test]
    public void Meta_without_preamble_or_prefix_reads()
    {
        var bytes = ImplicitDataset(new DicomBytes().FileMeta(DicomTransferSyntax.ImplicitVRLittleEndian.Uid)).ToArray();

        AssertRead(bytes, DicomTransferSyntax.ImplicitVRLittleEndian);
    }

    [Test]
    public void Implicit_dataset_without_meta_reads()
    {
        AssertRead(ImplicitDataset(new DicomBytes()).ToArray(), DicomTransferSyntax.ImplicitVRLittleEndian);
    }

    [Test]
    public void Explicit_dataset_without_meta_reads()
    {
        AssertRead(ExplicitDataset(new DicomBytes()).ToArray(), DicomTransferSyntax.ExplicitVRLittleEndian);
    }

    [Test]
    public void Preamble_without_meta_reads()
    {
        AssertRead(ExplicitDataset(new DicomBytes().Preamble()).ToArray(), DicomTransferSyntax.ExplicitVRLittleEndian);
    }

    [Test]
    [Description("Values of binary VRs must come out in little-endian order.")]
    public void Big_endian_without_meta_reads()
    {
        AssertRead(ExplicitDataset(new DicomBytes { BigEndian = true }).ToArray(), DicomTransferSyntax.ExplicitVRBigEndian);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Meta_without_transfer_syntax_reads(bool explicitVR)
    {
        var meta = new DicomBytes().Preamble().FileMeta(transferSyntaxUid: null);
        var bytes = (explicitVR ? ExplicitDataset(meta) : ImplicitDataset(meta)).ToArray();

        AssertRead(bytes, explicitVR ? DicomTransferSyntax.ExplicitVRLittleEndian : DicomTransferSyntax.ImplicitVRLittleEndian);
    }

    [TestCase("preamble and meta")]
    [TestCase("prefix and meta")]
    [TestCase("meta only")]
    [TestCase("preamble only")]
    [TestCase("nothing")]
    [Description("The data set's offset is the length of whatever comes before it, so a sender can pass on the file's own data set bytes.")]
    public void Dataset_offset_follows_header_parts(string layout)
    {
        var header = layout switch
        {
            "preamble and meta" => new DicomBytes().Preamble().FileMeta(DicomTransferSyntax.ExplicitVRLittleEndian.Uid),
            "prefix and meta" => new DicomBytes().Prefix().FileMeta(DicomTransferSyntax.ExplicitVRLittleEndian.Uid),
            "meta only" => new DicomBytes().FileMeta(DicomTransferSyntax.ExplicitVRLittleEndian.Uid),
            "preamble only" => new DicomBytes().Preamble(),
            _ => new DicomBytes(),
        };
        var headerLength = header.ToArray().Length;

        var file = DicomFile.Read(ExplicitDataset(header).ToArray());

        Assert.That(file.DatasetOffset, Is.EqualTo(headerLength));
    }

    [Test]
    public void Headerless_stream_reads_from_non_seekable()
    {
        using var stream = new NonSeekableStream(ExplicitDataset(new DicomBytes { BigEndian = true }).ToArray());

        var file = DicomFile.Read(stream);

        Assert.That(file.TransferSyntax, Is.EqualTo(DicomTransferSyntax.ExplicitVRBigEndian));
        Assert.That(file.Dataset.GetInt32(DicomTags.Rows), Is.EqualTo(Rows));
    }

    private static void AssertRead(byte[] bytes, DicomTransferSyntax syntax)
    {
        var file = DicomFile.Read(bytes);

        Assert.That(file.TransferSyntax, Is.EqualTo(syntax));
        Assert.That(file.Dataset.GetUid(DicomTags.SOPClassUID), Is.EqualTo(SopClass));
        Assert.That(file.Dataset.GetString(DicomTags.PatientName), Is.EqualTo("Doe^Jane"));
        Assert.That(file.Dataset.GetInt32(DicomTags.Rows), Is.EqualTo(Rows));
        Assert.That(file.Dataset.GetValues<ushort>(DicomTags.PixelData), Is.EqualTo(new ushort[] { 0x0102, 0x0304 }));
    }

    /// <summary>Appends a small data set in Explicit VR, in the byte order of <paramref name="bytes"/>.</summary>
    private static DicomBytes ExplicitDataset(DicomBytes bytes)
    {
        var order = bytes.BigEndian ? new byte[] { 0x01, 0x02, 0x03, 0x04 } : [0x02, 0x01, 0x04, 0x03];
        var rows = bytes.BigEndian ? new byte[] { Rows >> 8, Rows & 0xFF } : DicomBytes.UInt16Value(Rows);
        return bytes
            .Explicit(0x0008, 0x0005, "CS", DicomBytes.Text("ISO_IR 100"))
            .Explicit(0x0008, 0x0016, "UI", DicomBytes.Text(SopClass, '\0'))
            .Explicit(0x0010, 0x0010, "PN", DicomBytes.Text("Doe^Jane"))
            .Explicit(0x0028, 0x0010, "US", rows)
            .Explicit(0x7FE0, 0x0010, "OW", order);
    }

    private static DicomBytes ImplicitDataset(DicomBytes bytes) =>
        bytes
            .Implicit(0x0008, 0x0005, DicomBytes.Text("ISO_IR 100"))
            .Implicit(0x0008, 0x0016, DicomBytes.Text(SopClass, '\0'))
            .Implicit(0x0010, 0x0010, DicomBytes.Text("Doe^Jane"))
            .Implicit(0x0028, 0x0010, DicomBytes.UInt16Value(Rows))
            .Implicit(0x7FE0, 0x0010, [0x02, 0x01, 0x04, 0x03]);
}
