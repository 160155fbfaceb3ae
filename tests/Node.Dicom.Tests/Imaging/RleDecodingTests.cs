using System.Buffers.Binary;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Imaging;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Tests.Support;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.Imaging;

[TestFixture]
public sealed class RleDecodingTests
{
    private static readonly DicomTransferSyntax Rle = DicomTransferSyntax.RLELossless;

    [Test]
    public void Signed_16_bit_frames_round_trip()
    {
        var frames = RandomFrames(3, 5 * 7, -2000, 2000, seed: 1);
        var encoded = frames.Select(frame => RleTestEncoder.EncodeFrame([frame], 2)).ToArray();
        var dataset = PixelDatasets.Attributes(5, 7, 16, signed: true, frames: 3).WithFragments([], encoded);

        var pixels = DicomPixelData.Create(dataset, Rle);

        for (var frame = 0; frame < 3; frame++)
        {
            Assert.That(pixels.GetFrame<short>(frame), Is.EqualTo(frames[frame].Select(value => (short)value)), $"frame {frame}");
        }
    }

    [Test]
    public void Unsigned_32_bit_frame_round_trips()
    {
        var values = RandomFrames(1, 4 * 4, 0, uint.MaxValue, seed: 2)[0];
        var dataset = PixelDatasets.Attributes(4, 4, 32).WithFragments([], RleTestEncoder.EncodeFrame([values], 4));

        var pixels = DicomPixelData.Create(dataset, Rle);

        Assert.That(pixels.GetFrame<uint>(0), Is.EqualTo(values.Select(value => (uint)value)));
    }

    [Test]
    [Description("Each RLE segment contains one colour plane, yet the decoded frame is interleaved whatever the Planar Configuration value is.")]
    public void Rgb_segments_decode_to_interleaved_pixels()
    {
        var planes = RandomFrames(3, 6 * 5, 0, 255, seed: 3);
        var dataset = PixelDatasets.Attributes(6, 5, 8, photometric: "RGB", planarConfiguration: 1).WithFragments([], RleTestEncoder.EncodeFrame(planes, 1));

        var rgb = DicomPixelData.Create(dataset, Rle).GetRgbFrame(0);

        var expected = Enumerable.Range(0, 30).SelectMany(pixel => planes.Select(plane => (byte)plane[pixel]));
        Assert.That(rgb, Is.EqualTo(expected));
    }

    [Test]
    public void Basic_offset_table_splits_frames_over_fragments()
    {
        var frames = RandomFrames(2, 64, 0, 255, seed: 4);
        var first = RleTestEncoder.EncodeFrame([frames[0]], 1);
        var second = RleTestEncoder.EncodeFrame([frames[1]], 1);
        var (firstHead, firstTail) = Split(first);
        var (secondHead, secondTail) = Split(second);
        var secondOffset = (uint)(8 + firstHead.Length + 8 + firstTail.Length);
        var dataset = PixelDatasets.Attributes(8, 8, 8, frames: 2)
            .WithFragments(PixelDatasets.OffsetTable(0, secondOffset), firstHead, firstTail, secondHead, secondTail);

        var pixels = DicomPixelData.Create(dataset, Rle);

        Assert.That(pixels.GetFrame<byte>(0), Is.EqualTo(frames[0].Select(value => (byte)value)));
        Assert.That(pixels.GetFrame<byte>(1), Is.EqualTo(frames[1].Select(value => (byte)value)));
    }

    [Test]
    [Description("With an Extended Offset Table each frame is one fragment; its lengths may leave out a fragment's padding.")]
    public void Extended_offset_table_locates_frames()
    {
        var frames = RandomFrames(2, 16, 0, 255, seed: 5);
        var first = RleTestEncoder.EncodeFrame([frames[0]], 1);
        var second = RleTestEncoder.EncodeFrame([frames[1]], 1);
        var dataset = PixelDatasets.Attributes(4, 4, 8, frames: 2).WithFragments([], first, [.. second, 0, 0]);
        dataset.SetValues<ulong>(DicomTags.ExtendedOffsetTable, DicomVR.OV, 0, (ulong)(8 + first.Length));
        dataset.SetValues<ulong>(DicomTags.ExtendedOffsetTableLengths, DicomVR.OV, (ulong)first.Length, (ulong)second.Length);

        var pixels = DicomPixelData.Create(dataset, Rle);

        Assert.That(pixels.GetFrame<byte>(1), Is.EqualTo(frames[1].Select(value => (byte)value)));
    }

    [Test]
    public void Single_frame_joins_all_fragments()
    {
        var values = RandomFrames(1, 100, 0, 255, seed: 6)[0];
        var (head, tail) = Split(RleTestEncoder.EncodeFrame([values], 1));
        var dataset = PixelDatasets.Attributes(10, 10, 8).WithFragments([], head, tail);

        Assert.That(DicomPixelData.Create(dataset, Rle).GetFrame<byte>(0), Is.EqualTo(values.Select(value => (byte)value)));
    }

    private static IEnumerable<TestCaseData> MalformedFrames()
    {
        var segment = RleTestEncoder.EncodeSegment([1, 2, 3, 4]);
        var valid = RleTestEncoder.Assemble([segment]);
        yield return Case("16 segments", WithUInt32(valid, 0, 16), "has an RLE header with 16 segments, expected 1 to 15");
        yield return Case("0 segments", WithUInt32(valid, 0, 0), "has an RLE header with 0 segments, expected 1 to 15");
        yield return Case("2 segments for 8-bit grey", WithUInt32(valid, 0, 2), "has an RLE header with 2 segments, expected 1: one for each byte of each sample");
        yield return Case("offset past the end", WithUInt32(valid, 4, 0xFFFFFFF0), "gives RLE segment 1 offset 4294967280, outside the 64 to 70 bytes of the frame");
        yield return Case("offset inside the header", WithUInt32(valid, 4, 8), "gives RLE segment 1 offset 8, outside the 64 to 70 bytes of the frame");
        yield return Case("header cut short", valid[..40], "contains 40 bytes, fewer than the 64-byte RLE header");
        yield return Case("repeat run overruns", RleTestEncoder.Assemble([[0xFB, 9]]), "has RLE segment 1 with a run of 6 bytes at byte 0, past the segment's 4 bytes");
        yield return Case("literal run overruns", RleTestEncoder.Assemble([[0x01, 1, 2, 0x02, 3, 4, 5, 0]]), "has RLE segment 1 with a run of 3 bytes at byte 2, past the segment's 4 bytes");
        yield return Case("literal cut off", RleTestEncoder.Assemble([[0x03, 1, 2]]), "has RLE segment 1 whose literal run of 4 bytes is cut off by the segment end");
        yield return Case("repeat lacks its byte", RleTestEncoder.Assemble([[0x01, 1, 2, 0xFF]]), "has RLE segment 1 whose repeat run lacks its byte");
        yield return Case("segment ends early", RleTestEncoder.Assemble([[0x01, 1, 2, 0x80]]), "has RLE segment 1 that ends after 2 of its 4 bytes");
    }

    [TestCaseSource(nameof(MalformedFrames))]
    public void Malformed_frame_raises_pixel_data_exception(byte[] frame, string reason)
    {
        var pixels = DicomPixelData.Create(PixelDatasets.Attributes(2, 2, 8).WithFragments([], frame), Rle);

        var exception = Assert.Throws<DicomPixelDataException>(() => pixels.GetFrame<byte>(0));

        Assert.That(exception!.Reason, Is.EqualTo("frame 0 of Pixel Data (7FE0,0010) " + reason));
        Assert.That(exception.Tag, Is.EqualTo(DicomTags.PixelData));
    }

    [Test]
    public void Decreasing_segment_offsets_are_rejected()
    {
        var frame = RleTestEncoder.Assemble([RleTestEncoder.EncodeSegment([1, 2, 3, 4]), RleTestEncoder.EncodeSegment([5, 6, 7, 8])]);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), 64);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), 70);
        var pixels = DicomPixelData.Create(PixelDatasets.Attributes(2, 2, 16).WithFragments([], frame), Rle);

        var exception = Assert.Throws<DicomPixelDataException>(() => pixels.GetFrame<ushort>(0));

        Assert.That(exception!.Reason, Does.EndWith("gives RLE segment 2 offset 64, before segment 1's offset 70"));
    }

    [Test]
    [Description("A header that claims 15 huge segments must not make the decoder allocate by what it claims.")]
    public void Malformed_header_allocates_no_more_than_frame()
    {
        var frame = new byte[64];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), 64);
        var pixels = DicomPixelData.Create(PixelDatasets.Attributes(2, 2, 8).WithFragments([], [.. frame, 0x81, 7]), Rle);
        Assert.Throws<DicomPixelDataException>(() => pixels.GetFrame<byte>(0));

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<DicomPixelDataException>(() => pixels.GetFrame<byte>(0));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.LessThan(64 * 1024));
    }

    private static IEnumerable<TestCaseData> BadFrameTables()
    {
        var fragment = RleTestEncoder.Assemble([RleTestEncoder.EncodeSegment([1, 2, 3, 4])]);
        yield return new TestCaseData(PixelDatasets.OffsetTable(0), new[] { fragment, fragment }, DicomTags.PixelData,
            "the Basic Offset Table of Pixel Data (7FE0,0010) contains 4 bytes, expected 4 for each of the 2 frames of Number of Frames (0028,0008)").SetArgDisplayNames("short table");
        yield return new TestCaseData(PixelDatasets.OffsetTable(0, 7), new[] { fragment, fragment }, DicomTags.PixelData,
            "the offset table of Pixel Data (7FE0,0010) gives frame 1 offset 7, which is not the start of a fragment").SetArgDisplayNames("offset off a fragment");
        yield return new TestCaseData(PixelDatasets.OffsetTable(0, 0), new[] { fragment, fragment }, DicomTags.PixelData,
            "the offset table of Pixel Data (7FE0,0010) gives frame 1 offset 0, not after frame 0's offset 0").SetArgDisplayNames("repeated offset");
        yield return new TestCaseData(Array.Empty<byte>(), new[] { fragment, fragment, fragment }, DicomTags.PixelData,
            "cannot find the frame boundaries: Pixel Data (7FE0,0010) contains 3 fragments for Number of Frames (0028,0008) 2 and has neither a Basic nor an Extended Offset Table").SetArgDisplayNames("no table");
    }

    [TestCaseSource(nameof(BadFrameTables))]
    public void Create_rejects_bad_frame_table(byte[] basicOffsetTable, byte[][] fragments, DicomTag tag, string reason)
    {
        var dataset = PixelDatasets.Attributes(2, 2, 8, frames: 2).WithFragments(basicOffsetTable, fragments);

        var exception = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(dataset, Rle));

        Assert.That(exception!.Reason, Is.EqualTo(reason));
        Assert.That(exception.Tag, Is.EqualTo(tag));
    }

    [Test]
    public void Extended_offset_table_needs_its_lengths()
    {
        var fragment = RleTestEncoder.Assemble([RleTestEncoder.EncodeSegment([1, 2, 3, 4])]);
        var dataset = PixelDatasets.Attributes(2, 2, 8).WithFragments([], fragment);
        dataset.SetValues<ulong>(DicomTags.ExtendedOffsetTable, DicomVR.OV, 0);

        var exception = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(dataset, Rle));

        Assert.That(exception!.Reason, Is.EqualTo("Extended Offset Table (7FE0,0001) is present without Extended Offset Table Lengths (7FE0,0002)"));
    }

    [Test]
    public void Extended_offset_lengths_cannot_exceed_fragments()
    {
        var fragment = RleTestEncoder.Assemble([RleTestEncoder.EncodeSegment([1, 2, 3, 4])]);
        var dataset = PixelDatasets.Attributes(2, 2, 8).WithFragments([], fragment);
        dataset.SetValues<ulong>(DicomTags.ExtendedOffsetTable, DicomVR.OV, 0);
        dataset.SetValues<ulong>(DicomTags.ExtendedOffsetTableLengths, DicomVR.OV, 1000);

        var exception = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(dataset, Rle));

        Assert.That(exception!.Reason, Is.EqualTo($"Extended Offset Table Lengths (7FE0,0002) gives frame 0 1000 bytes, but its fragments contain {fragment.Length}"));
    }

    [Test]
    public void Create_rejects_single_bit_and_subsampled_RLE()
    {
        var fragment = new byte[64];
        var singleBit = PixelDatasets.Attributes(8, 8, 1).WithFragments([], fragment);
        var subsampled = PixelDatasets.Attributes(2, 2, 8, photometric: "YBR_FULL_422").WithFragments([], fragment);

        var bitException = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(singleBit, Rle));
        var subsampledException = Assert.Throws<DicomPixelDataException>(() => DicomPixelData.Create(subsampled, Rle));

        Assert.That(bitException!.Tag, Is.EqualTo(DicomTags.BitsAllocated));
        Assert.That(subsampledException!.Tag, Is.EqualTo(DicomTags.PhotometricInterpretation));
    }

    [Test]
    [Description("Seeded mutations of a real RLE frame must decode or raise DicomPixelDataException, because any other exception is a bug.")]
    public void Mutated_fragments_raise_only_pixel_exceptions()
    {
        var file = DicomFile.Open(Peers.RequirePath(Path.Combine(Peers.PydicomTestFiles, "MR_small_RLE.dcm"), "python3-pydicom"));
        var original = ((DicomFragmentSequence)file.Dataset.GetElement(DicomTags.PixelData)!).Fragments[0].ToArray();
        var random = new Random(20240605);
        var rejected = 0;

        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var mutated = Mutate(original, random);
            var dataset = file.Dataset.Clone().WithFragments([], mutated);
            try
            {
                var values = DicomPixelData.Create(dataset, file.TransferSyntax).GetFrame<short>(0);
                Assert.That(values, Has.Length.EqualTo(64 * 64), $"iteration {iteration}");
            }
            catch (DicomPixelDataException)
            {
                rejected++;
            }
            catch (Exception exception)
            {
                Assert.Fail($"iteration {iteration} raised {exception.GetType().Name}: {exception.Message}");
            }
        }

        TestContext.Out.WriteLine($"{rejected} of 2000 mutated frames were rejected");
        Assert.That(rejected, Is.GreaterThan(100));
    }

    /// <summary>Changes a copy of <paramref name="frame"/> in one of several ways that hit the header, the runs or the length.</summary>
    private static byte[] Mutate(byte[] frame, Random random)
    {
        var copy = (byte[])frame.Clone();
        switch (random.Next(5))
        {
            case 0:
                for (var flips = random.Next(1, 9); flips > 0; flips--)
                {
                    copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
                }

                return copy;
            case 1:
                BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(4 * random.Next(16)), (uint)random.NextInt64(0, 1L << 32));
                return copy;
            case 2:
                return copy[..random.Next(copy.Length)];
            case 3:
                copy[random.Next(64, copy.Length)] = (byte)(random.Next(2) == 0 ? 0x7F : 0x81);
                return copy;
            default:
                BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(4 * random.Next(1, 16)), (uint)random.Next(0, copy.Length + 64));
                return copy;
        }
    }

    private static long[][] RandomFrames(int count, int length, long min, long max, int seed)
    {
        var random = new Random(seed);
        var frames = new long[count][];
        for (var frame = 0; frame < count; frame++)
        {
            frames[frame] = new long[length];
            for (var i = 0; i < length; i++)
            {
                // Runs of equal values make the encoder use repeat runs as well as literals.
                frames[frame][i] = i > 0 && random.Next(3) == 0 ? frames[frame][i - 1] : random.NextInt64(min, max + 1);
            }
        }

        return frames;
    }

    /// <summary>Splits an encoded frame into two even-length fragments.</summary>
    private static (byte[] Head, byte[] Tail) Split(byte[] frame)
    {
        var cut = frame.Length / 2 / 2 * 2;
        return (frame[..cut], frame[cut..]);
    }

    private static byte[] WithUInt32(byte[] frame, int offset, uint value)
    {
        var copy = (byte[])frame.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }

    private static TestCaseData Case(string name, byte[] frame, string reason) => new TestCaseData(frame, reason).SetArgDisplayNames(name);
}
