using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Tests.Support;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.IO;

/// <summary>
/// A private element of undefined length whose VR the writer did not know: UN in Explicit VR
/// (PS3.5 6.2.2 then encodes the content as an Implicit VR sequence), or a tag missing from
/// the dictionary in Implicit VR. The reader must walk its items to the Sequence Delimitation
/// Item and carry on with the next element.
/// </summary>
[TestFixture]
public sealed class UndefinedLengthUNTests
{
    private const ushort PrivateGroup = 0x0009;
    private const string ReferencedInstance = "1.2.3.4.5.6.7";
    private const string NestedInstance = "1.2.3.4.5.6.8";
    private static readonly DicomTag PrivateCreator = new(PrivateGroup, 0x0010);
    private static readonly DicomTag PrivateElement = new(PrivateGroup, 0x1010);

    [Test]
    public void Explicit_un_sequence_resumes_after_delimiter()
    {
        var dataset = DicomFile.Read(ExplicitFile()).Dataset;

        Assert.That(dataset.GetString(DicomTags.PatientName), Is.EqualTo("Doe^Jane"));
        Assert.That(dataset.GetString(DicomTags.PatientID), Is.EqualTo("PID-1"));
        AssertPrivateSequence(dataset);
    }

    [Test]
    public void Implicit_unknown_sequence_resumes_after_delimiter()
    {
        var dataset = DicomFile.Read(ImplicitFile()).Dataset;

        Assert.That(dataset.GetString(DicomTags.PatientID), Is.EqualTo("PID-1"));
        AssertPrivateSequence(dataset);
    }

    [TestCase(true, "1.2.840.10008.1.2.1")]
    [TestCase(true, "1.2.840.10008.1.2")]
    [TestCase(false, "1.2.840.10008.1.2.1")]
    [TestCase(false, "1.2.840.10008.1.2")]
    public void Undefined_length_sequence_survives_rewrite(bool explicitSource, string targetSyntax)
    {
        var original = DicomFile.Read(explicitSource ? ExplicitFile() : ImplicitFile());
        original.TransferSyntax = DicomTransferSyntax.Find(targetSyntax)!;

        var readBack = DicomFile.Read(original.ToBytes());

        var vrRule = original.TransferSyntax.IsExplicitVR ? VRMatch.Exact : VRMatch.ImplicitVR;
        Assert.That(DatasetComparer.FindFirstDifference(original.Dataset, readBack.Dataset, vrRule), Is.Null);
        AssertPrivateSequence(readBack.Dataset);
    }

    private static void AssertPrivateSequence(DicomDataset dataset)
    {
        var sequence = dataset.GetSequence(PrivateElement);
        Assert.That(sequence, Is.Not.Null, "the private element is read as a sequence");
        Assert.That(sequence!.Items, Has.Count.EqualTo(2));
        Assert.That(sequence.Items[0].GetUid(DicomTags.ReferencedSOPInstanceUID), Is.EqualTo(ReferencedInstance));
        var nested = sequence.Items[1].GetSequence(DicomTags.ReferencedImageSequence);
        Assert.That(nested?.Items.Single().GetUid(DicomTags.ReferencedSOPInstanceUID), Is.EqualTo(NestedInstance));
    }

    private static byte[] ExplicitFile()
    {
        var bytes = new DicomBytes()
            .Preamble()
            .FileMeta(DicomTransferSyntax.ExplicitVRLittleEndian.Uid)
            .Explicit(0x0008, 0x0016, "UI", DicomBytes.Text("1.2.840.10008.5.1.4.1.1.7", '\0'))
            .Explicit(PrivateGroup, PrivateCreator.Element, "LO", DicomBytes.Text("ACME 1.0"))
            .ExplicitHeader(PrivateGroup, PrivateElement.Element, "UN", DicomBytes.UndefinedLength);
        return ImplicitItems(bytes)
            .Explicit(0x0010, 0x0010, "PN", DicomBytes.Text("Doe^Jane"))
            .Explicit(0x0010, 0x0020, "LO", DicomBytes.Text("PID-1"))
            .ToArray();
    }

    private static byte[] ImplicitFile()
    {
        var bytes = new DicomBytes()
            .Preamble()
            .FileMeta(DicomTransferSyntax.ImplicitVRLittleEndian.Uid)
            .Implicit(0x0008, 0x0016, DicomBytes.Text("1.2.840.10008.5.1.4.1.1.7", '\0'))
            .Implicit(PrivateGroup, PrivateCreator.Element, DicomBytes.Text("ACME 1.0"))
            .ImplicitHeader(PrivateGroup, PrivateElement.Element, DicomBytes.UndefinedLength);
        return ImplicitItems(bytes)
            .Implicit(0x0010, 0x0020, DicomBytes.Text("PID-1"))
            .ToArray();
    }

    /// <summary>
    /// Appends two items in Implicit VR and the Sequence Delimitation Item: one of defined
    /// length, and one of undefined length holding a nested sequence of undefined length.
    /// </summary>
    private static DicomBytes ImplicitItems(DicomBytes bytes)
    {
        var firstItem = new DicomBytes().Implicit(0x0008, 0x1155, DicomBytes.Text(ReferencedInstance, '\0')).ToArray();
        return bytes
            .Item((uint)firstItem.Length).Raw(firstItem)
            .Item()
            .ImplicitHeader(0x0008, 0x1140, DicomBytes.UndefinedLength)
            .Item()
            .Implicit(0x0008, 0x1155, DicomBytes.Text(NestedInstance, '\0'))
            .ItemDelimiter()
            .SequenceDelimiter()
            .ItemDelimiter()
            .SequenceDelimiter();
    }
}
