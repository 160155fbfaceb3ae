using System.Text;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Tests.Support;
using Node.Dicom.Uids;

namespace Node.Dicom.Tests.IO;

/// <summary>
/// PS3.5 9.1 pads a UID of odd length with one NUL, but some writers pad with a space or add more.
/// The padding is not part of the UID, in the data set and in the file meta information.
/// </summary>
[TestFixture]
public sealed class UidPaddingTests
{
    private const string StudyUid = "1.2.840.113619.2.1";

    [TestCase("\0")]
    [TestCase(" ")]
    [TestCase("\0\0\0")]
    [TestCase("   ")]
    [TestCase(" \0")]
    public void Padded_uid_reads_without_padding(string padding)
    {
        var file = DicomFile.Read(FileWithStudyUid(Encoding.ASCII.GetBytes(StudyUid + padding)));

        Assert.That(file.Dataset.GetUid(DicomTags.StudyInstanceUID), Is.EqualTo(StudyUid));
    }

    [TestCase("\0")]
    [TestCase(" ")]
    public void Padded_uids_read_each_value(string padding)
    {
        var value = Encoding.ASCII.GetBytes($"1.2.3{padding}\\1.2.4{padding}\\1.2.5{padding}");

        var dataset = DicomFile.Read(FileWithStudyUid(value)).Dataset;

        Assert.That(dataset.GetUid(DicomTags.StudyInstanceUID, 0), Is.EqualTo("1.2.3"));
        Assert.That(dataset.GetUid(DicomTags.StudyInstanceUID, 1), Is.EqualTo("1.2.4"));
        Assert.That(dataset.GetUid(DicomTags.StudyInstanceUID, 2), Is.EqualTo("1.2.5"));
    }

    [TestCase('\0')]
    [TestCase(' ')]
    [Description("Explicit VR Little Endian's UID has 19 characters, so it is always padded.")]
    public void Padded_transfer_syntax_uid_selects_syntax(char padding)
    {
        var bytes = new DicomBytes()
            .Preamble()
            .FileMeta(DicomTransferSyntax.ExplicitVRLittleEndian.Uid, padding)
            .Explicit(0x0010, 0x0020, "LO", DicomBytes.Text("PID-1"))
            .ToArray();

        var file = DicomFile.Read(bytes);

        Assert.That(file.TransferSyntax, Is.EqualTo(DicomTransferSyntax.ExplicitVRLittleEndian));
        Assert.That(file.Dataset.GetString(DicomTags.PatientID), Is.EqualTo("PID-1"));
    }

    [Test]
    public void Empty_uid_reads_as_null()
    {
        var file = DicomFile.Read(FileWithStudyUid("\0\0"u8.ToArray()));

        Assert.That(file.Dataset.GetUid(DicomTags.StudyInstanceUID), Is.Null);
    }

    private static byte[] FileWithStudyUid(byte[] value) =>
        new DicomBytes()
            .Preamble()
            .FileMeta(DicomTransferSyntax.ExplicitVRLittleEndian.Uid)
            .Explicit(0x0020, 0x000D, "UI", value)
            .ToArray();
}
