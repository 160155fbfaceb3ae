using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Tests.Support;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.IO;

/// <summary>
/// An Explicit VR file where a tag the dictionary lists as SQ carries an LO value, as some
/// modalities send. The value must survive in Explicit VR. Implicit VR cannot express it, so
/// that one data set fails to write and the next one is unaffected.
/// </summary>
[TestFixture]
public sealed class VRConflictTests
{
    private const string ConflictingText = "NOT A SEQUENCE";

    /// <summary>
    /// Referenced Image Sequence (0008,1140) and Referenced Series Sequence (0008,1115), both SQ
    /// in PS3.6.
    /// </summary>
    private static readonly TestCaseData[] SequenceTags =
    [
        new TestCaseData((ushort)0x0008, (ushort)0x1140).SetArgDisplayNames("(0008,1140)"),
        new TestCaseData((ushort)0x0008, (ushort)0x1115).SetArgDisplayNames("(0008,1115)"),
    ];

    [TestCaseSource(nameof(SequenceTags))]
    public void Lo_in_sequence_tag_reads_as_value(ushort group, ushort element)
    {
        var file = DicomFile.Read(FileWithConflict(group, element));

        var conflicting = file.Dataset.GetElement(new DicomTag(group, element));
        Assert.That(conflicting, Is.InstanceOf<DicomValueElement>());
        Assert.That(conflicting!.VR, Is.EqualTo(DicomVR.LO));
        Assert.That(file.Dataset.GetString(new DicomTag(group, element)), Is.EqualTo(ConflictingText));
        Assert.That(file.Dataset.GetString(DicomTags.PatientID), Is.EqualTo("PID-1"), "the element after the conflict");
    }

    [TestCaseSource(nameof(SequenceTags))]
    public void Lo_in_sequence_tag_round_trips_explicit(ushort group, ushort element)
    {
        var file = DicomFile.Read(FileWithConflict(group, element));

        var readBack = DicomFile.Read(file.ToBytes());

        Assert.That(readBack.TransferSyntax, Is.EqualTo(DicomTransferSyntax.ExplicitVRLittleEndian));
        Assert.That(DatasetComparer.FindFirstDifference(file.Dataset, readBack.Dataset), Is.Null);
    }

    [TestCaseSource(nameof(SequenceTags))]
    [Description("A C-STORE sender converting to Implicit VR must fail this one instance and go on with the next.")]
    public void Implicit_write_fails_only_that_dataset(ushort group, ushort element)
    {
        var tag = new DicomTag(group, element);
        var conflicting = DicomFile.Read(FileWithConflict(group, element)).Dataset;
        var next = DicomFile.Read(FileWithConflict(group, element)).Dataset;
        next.Remove(tag);

        var failure = Assert.Throws<DicomFormatException>(() => DicomFile.WriteDataset(new MemoryStream(), conflicting, DicomTransferSyntax.ImplicitVRLittleEndian));
        using var output = new MemoryStream();
        DicomFile.WriteDataset(output, next, DicomTransferSyntax.ImplicitVRLittleEndian);
        var readBack = DicomFile.ReadDataset(output.ToArray(), DicomTransferSyntax.ImplicitVRLittleEndian);

        Assert.That(failure!.Tag, Is.EqualTo(tag));
        Assert.That(DatasetComparer.FindFirstDifference(next, readBack, VRMatch.ImplicitVR), Is.Null);
    }

    private static byte[] FileWithConflict(ushort group, ushort element) =>
        new DicomBytes()
            .Preamble()
            .FileMeta(DicomTransferSyntax.ExplicitVRLittleEndian.Uid)
            .Explicit(0x0008, 0x0016, "UI", DicomBytes.Text("1.2.840.10008.5.1.4.1.1.7", '\0'))
            .Explicit(0x0008, 0x0018, "UI", DicomBytes.Text("1.2.3.4.5.6", '\0'))
            .Explicit(group, element, "LO", DicomBytes.Text(ConflictingText))
            .Explicit(0x0010, 0x0020, "LO", DicomBytes.Text("PID-1"))
            .ToArray();
}
