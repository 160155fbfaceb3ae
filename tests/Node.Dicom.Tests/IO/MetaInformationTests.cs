using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Tests.Support;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.IO;

/// <summary>
/// The writer builds (0002,0002) and (0002,0003) from the data set's SOP Class and Instance
/// UIDs. A data set read from input may hold malformed UIDs; writing it must not fail on them.
/// </summary>
[TestFixture]
public sealed class MetaInformationTests
{
    [TestCase(new byte[] { (byte)'1', (byte)'.', (byte)'2', 0xC0, 0xB3, (byte)'4' }, TestName = "Meta_copies_uid_with_high_bytes")]
    [TestCase(new byte[] { (byte)'1', (byte)'.', (byte)'0', (byte)'2', (byte)'.', (byte)'3', (byte)'\\', (byte)'4' }, TestName = "Meta_copies_uid_with_backslash")]
    [Description("Found by mutation: a bit flip in MR_small.dcm's SOP Class UID made writing throw ArgumentException.")]
    public void Meta_copies_malformed_uid_bytes(byte[] uid)
    {
        var dataset = new DicomDataset();
        dataset.Set(new DicomValueElement(DicomTags.SOPClassUID, DicomVR.UI, uid));
        dataset.Set(new DicomValueElement(DicomTags.SOPInstanceUID, DicomVR.UI, uid));

        var readBack = DicomFile.Read(new DicomFile(dataset).ToBytes());

        var classElement = (DicomValueElement)readBack.FileMetaInformation.GetElement(DicomTags.MediaStorageSOPClassUID)!;
        var instanceElement = (DicomValueElement)readBack.FileMetaInformation.GetElement(DicomTags.MediaStorageSOPInstanceUID)!;
        Assert.That(classElement.Value.ToArray(), Is.EqualTo(uid));
        Assert.That(instanceElement.Value.ToArray(), Is.EqualTo(uid));
    }

    [Test]
    public void Meta_uid_loses_space_padding()
    {
        var dataset = new DicomDataset();
        dataset.Set(new DicomValueElement(DicomTags.SOPClassUID, DicomVR.UI, "1.2.3 "u8.ToArray()));

        var meta = new DicomFile(dataset).BuildFileMetaInformation();

        Assert.That(((DicomValueElement)meta.GetElement(DicomTags.MediaStorageSOPClassUID)!).Value.ToArray(), Is.EqualTo("1.2.3\0"u8.ToArray()));
    }

    [Test]
    public void Meta_uid_falls_back_to_source_meta()
    {
        var bytes = new DicomBytes()
            .Preamble()
            .FileMeta(DicomTransferSyntax.ExplicitVRLittleEndian.Uid)
            .Explicit(0x0010, 0x0020, "LO", DicomBytes.Text("PID-1"))
            .ToArray();
        var file = DicomFile.Read(bytes);

        var meta = file.BuildFileMetaInformation();

        Assert.That(meta.GetUid(DicomTags.MediaStorageSOPClassUID), Is.EqualTo(file.FileMetaInformation.GetUid(DicomTags.MediaStorageSOPClassUID)));
        Assert.That(meta.GetUid(DicomTags.MediaStorageSOPInstanceUID), Is.EqualTo("1.2.3.4.5.6"));
    }
}
