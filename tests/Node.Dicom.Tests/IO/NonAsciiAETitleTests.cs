using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Tests.Support;
using Node.Dicom.Uids;

namespace Node.Dicom.Tests.IO;

/// <summary>
/// AE titles are restricted to the default repertoire, yet some devices write bytes above 0x7F
/// into them. Reading, decoding and rewriting such a file must not throw, and the bytes stay.
/// </summary>
[TestFixture]
public sealed class NonAsciiAETitleTests
{
    /// <summary>"CT" followed by C0 B3, which is no valid UTF-8 and no ASCII.</summary>
    private static readonly byte[] AETitle = [(byte)'C', (byte)'T', 0xC0, 0xB3];

    [Test]
    public void High_bytes_in_ae_title_read()
    {
        var file = DicomFile.Read(FileWithAETitles());

        Assert.That(file.FileMetaInformation.GetString(DicomTags.SourceApplicationEntityTitle), Is.Not.Null.And.StartsWith("CT"));
        Assert.That(file.Dataset.GetString(DicomTags.StationAETitle), Is.Not.Null.And.StartsWith("CT"));
        Assert.That(file.Dataset.GetStrings(DicomTags.StationAETitle), Has.Length.EqualTo(1));
    }

    [Test]
    public void High_bytes_in_ae_title_round_trip()
    {
        var file = DicomFile.Read(FileWithAETitles());

        var readBack = DicomFile.Read(file.ToBytes());

        Assert.That(DatasetComparer.FindFirstDifference(file.Dataset, readBack.Dataset), Is.Null);
        Assert.That(readBack.FileMetaInformation.GetElement(DicomTags.SourceApplicationEntityTitle), Is.Not.Null, "the source AE title is copied to the new meta information");
    }

    [Test]
    public void High_bytes_in_ae_title_do_not_throw()
    {
        var file = DicomFile.Read(FileWithAETitles());

        Assert.That(() => file.Dataset.GetUid(DicomTags.StationAETitle), Throws.Nothing);
        Assert.That(() => file.Dataset.TryGetInt32(DicomTags.StationAETitle, out _), Throws.Nothing);
        Assert.That(() => file.Dataset.GetInt32(DicomTags.StationAETitle), Throws.TypeOf<DicomFormatException>());
    }

    private static byte[] FileWithAETitles()
    {
        var meta = new DicomBytes()
            .Explicit(0x0002, 0x0016, "AE", AETitle)
            .ToArray();
        return new DicomBytes()
            .Preamble()
            .FileMeta(DicomTransferSyntax.ExplicitVRLittleEndian.Uid, moreElements: meta)
            .Explicit(0x0008, 0x0016, "UI", DicomBytes.Text("1.2.840.10008.5.1.4.1.1.7", '\0'))
            .Explicit(0x0008, 0x0018, "UI", DicomBytes.Text("1.2.3.4.5.6", '\0'))
            .Explicit(0x0008, 0x0055, "AE", AETitle)
            .ToArray();
    }
}
