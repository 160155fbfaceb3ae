using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Tests.Support;
using Node.Dicom.Uids;

namespace Node.Dicom.Tests.Robustness;

/// <summary>
/// A length field is input: it must never size an allocation beyond what the input really
/// contains, and a length no array can hold is malformed input, not a crash.
/// </summary>
[TestFixture]
public sealed class HostileLengthTests
{
    /// <summary>What reading a few hundred bytes may allocate, buffers included: 256 KiB.</summary>
    private const long SmallInputAllocationLimit = 256 * 1024;

    [TestCase(0x00010001u)]
    [TestCase(0x000FFFFFu)]
    [TestCase(0x7FFFFFF0u)]
    [TestCase(0xFFFFFFF0u)]
    [Description("Found by mutation: a 440-byte stream with a false length allocated a 1 MiB array up front.")]
    public void Stream_value_allocates_what_arrives(uint length)
    {
        var input = ShortFileClaiming(length);
        using var stream = new NonSeekableStream(input);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.That(() => DicomFile.Read(stream), Throws.TypeOf<DicomFormatException>());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.LessThan(SmallInputAllocationLimit));
    }

    [Test]
    public void Stream_value_of_true_length_reads()
    {
        const int length = 300_000;
        var input = new DicomBytes()
            .Preamble()
            .FileMeta(DicomTransferSyntax.ExplicitVRLittleEndian.Uid)
            .ExplicitHeader(0x7FE0, 0x0010, "OB", length)
            .Raw(Enumerable.Range(0, length).Select(i => (byte)i).ToArray())
            .ToArray();
        using var stream = new NonSeekableStream(input);

        var file = DicomFile.Read(stream);

        var value = file.Dataset.GetValues<byte>(DicomTags.PixelData);
        Assert.That(value, Has.Length.EqualTo(length));
        Assert.That(value.AsSpan().SequenceEqual(input.AsSpan(input.Length - length)), Is.True, "the value bytes");
    }

    [Test]
    [Description("A seekable stream over 2 GiB passes the remaining-bytes check; the value still cannot fit an array.")]
    public void Value_beyond_array_limit_throws_format()
    {
        const uint length = 0x90000000;
        var header = new DicomBytes()
            .Preamble()
            .FileMeta(DicomTransferSyntax.ExplicitVRLittleEndian.Uid)
            .ExplicitHeader(0x7FE0, 0x0010, "OB", length)
            .ToArray();
        using var stream = new ZeroFilledStream(header, header.Length + (long)length);

        Assert.That(() => DicomFile.Read(stream), Throws.TypeOf<DicomFormatException>().With.Message.Contains("largest array"));
    }

    private static byte[] ShortFileClaiming(uint length) =>
        new DicomBytes()
            .Preamble()
            .FileMeta(DicomTransferSyntax.ExplicitVRLittleEndian.Uid)
            .Explicit(0x0010, 0x0020, "LO", DicomBytes.Text("PID-1"))
            .ExplicitHeader(0x7FE0, 0x0010, "OB", length)
            .Raw(new byte[100])
            .ToArray();
}
