using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Tests.Support;
using Node.Dicom.Uids;

namespace Node.Dicom.Tests.IO;

/// <summary>
/// <see cref="DicomReadOptions.StopBeforePixelData"/> reads the header of a large image
/// cheaply: it stops at the top-level Pixel Data (7FE0,0010), not at one inside an icon image
/// item, and every element before it is there, whatever the input is.
/// </summary>
[TestFixture]
public sealed class StopBeforePixelDataTests
{
    private const int PixelDataLength = 1024 * 1024;
    private static readonly DicomReadOptions StopOptions = new() { StopBeforePixelData = true };

    public enum Source
    {
        Memory,
        NonSeekableStream,
        Path,
    }

    [Test]
    public void Stop_keeps_every_header_element([Values] Source source, [Values] bool explicitVR)
    {
        var bytes = ImageFile(explicitVR);
        var expected = DicomFile.Read(bytes).Dataset;
        expected.RemoveAll(element => element.Tag >= DicomTags.PixelData);

        var file = Read(bytes, source);

        Assert.That(file.StoppedBeforePixelData, Is.True);
        Assert.That(file.Dataset.Contains(DicomTags.PixelData), Is.False);
        Assert.That(DatasetComparer.FindFirstDifference(expected, file.Dataset), Is.Null);
    }

    [Test]
    public void Stop_ignores_pixel_data_in_items()
    {
        var file = DicomFile.Read(ImageFile(explicitVR: true), StopOptions);

        var icon = file.Dataset.GetSequence(DicomTags.IconImageSequence)!.Items.Single();

        Assert.That(icon.GetElement(DicomTags.PixelData), Is.InstanceOf<DicomValueElement>());
    }

    [Test]
    public void Stop_leaves_stream_before_pixel_value()
    {
        var bytes = ImageFile(explicitVR: true);
        using var stream = new NonSeekableStream(bytes);

        DicomFile.Read(stream, StopOptions);

        Assert.That(stream.BytesRead, Is.LessThan(bytes.Length - PixelDataLength + (64 * 1024)), "at most one read buffer past the header");
    }

    [Test]
    public void Stop_without_pixel_data_reads_all()
    {
        var bytes = new DicomBytes()
            .Preamble()
            .FileMeta(DicomTransferSyntax.ExplicitVRLittleEndian.Uid)
            .Explicit(0x0010, 0x0020, "LO", DicomBytes.Text("PID-1"))
            .ToArray();

        var file = DicomFile.Read(bytes, StopOptions);

        Assert.That(file.StoppedBeforePixelData, Is.False);
        Assert.That(file.Dataset.GetString(DicomTags.PatientID), Is.EqualTo("PID-1"));
    }

    private static DicomFile Read(byte[] bytes, Source source)
    {
        switch (source)
        {
            case Source.Memory:
                return DicomFile.Read(bytes, StopOptions);
            case Source.NonSeekableStream:
                using (var stream = new NonSeekableStream(bytes))
                {
                    return DicomFile.Read(stream, StopOptions);
                }

            default:
                var path = Path.GetTempFileName();
                try
                {
                    File.WriteAllBytes(path, bytes);
                    return DicomFile.Open(path, StopOptions);
                }
                finally
                {
                    File.Delete(path);
                }
        }
    }

    /// <summary>
    /// An image file: header elements, an icon image item with its own Pixel Data, a 1 MiB
    /// Pixel Data, and Data Set Trailing Padding (FFFC,FFFC) after it.
    /// </summary>
    private static byte[] ImageFile(bool explicitVR)
    {
        var syntax = explicitVR ? DicomTransferSyntax.ExplicitVRLittleEndian : DicomTransferSyntax.ImplicitVRLittleEndian;
        var bytes = new DicomBytes().Preamble().FileMeta(syntax.Uid);
        var icon = Element(new DicomBytes(), explicitVR, 0x7FE0, 0x0010, "OW", new byte[16]).ToArray();
        Element(bytes, explicitVR, 0x0008, 0x0016, "UI", DicomBytes.Text("1.2.840.10008.5.1.4.1.1.7", '\0'));
        Element(bytes, explicitVR, 0x0010, 0x0010, "PN", DicomBytes.Text("Doe^Jane"));
        Element(bytes, explicitVR, 0x0028, 0x0010, "US", DicomBytes.UInt16Value(512));
        Element(bytes, explicitVR, 0x0028, 0x0011, "US", DicomBytes.UInt16Value(1024));
        if (explicitVR)
        {
            bytes.ExplicitHeader(0x0088, 0x0200, "SQ", DicomBytes.UndefinedLength);
        }
        else
        {
            bytes.ImplicitHeader(0x0088, 0x0200, DicomBytes.UndefinedLength);
        }

        bytes.Item((uint)icon.Length).Raw(icon).SequenceDelimiter();
        Element(bytes, explicitVR, 0x7FE0, 0x0010, "OW", new byte[PixelDataLength]);
        Element(bytes, explicitVR, 0xFFFC, 0xFFFC, "OB", new byte[8]);
        return bytes.ToArray();
    }

    private static DicomBytes Element(DicomBytes bytes, bool explicitVR, ushort group, ushort element, string vr, byte[] value) =>
        explicitVR ? bytes.Explicit(group, element, vr, value) : bytes.Implicit(group, element, value);
}
