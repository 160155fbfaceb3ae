using System.Buffers.Binary;
using Node.Dicom.Errors;
using Node.Dicom.Tags;

namespace Node.Dicom.Imaging;

/// <summary>
/// Decodes one frame of RLE Lossless (PS3.5 Annex G). A frame starts with a 64-byte header: the
/// number of segments, then the byte offset of each of up to 15 segments from the start of the
/// header. Each segment contains one byte of every pixel for one sample, the most significant
/// byte of a sample in the first of its segments. A segment is a PackBits byte stream. A header
/// byte n of 0 to 127 copies the next n + 1 bytes, n of -1 to -127 repeats the next byte 1 - n
/// times, and -128 does nothing.
/// </summary>
internal static class RleDecoder
{
    public const int HeaderLength = 64;
    public const int MaxSegments = 15;

    private const int NoOperation = -128;

    /// <summary>
    /// Decodes <paramref name="data"/> into <paramref name="planes"/>: one plane per sample, each
    /// <paramref name="pixelCount"/> little-endian cells of <paramref name="bytesPerSample"/> bytes.
    /// Writes only inside <paramref name="planes"/>; bytes after a segment's last pixel, such as
    /// the padding that makes a segment even, are ignored.
    /// </summary>
    /// <exception cref="DicomPixelDataException">The header or a segment is malformed.</exception>
    public static void DecodeFrame(ReadOnlySpan<byte> data, Span<byte> planes, int pixelCount, int samples, int bytesPerSample, int frameIndex)
    {
        var segmentCount = samples * bytesPerSample;
        var offsets = ReadHeader(data, segmentCount, frameIndex);
        var planeLength = pixelCount * bytesPerSample;
        for (var segment = 0; segment < segmentCount; segment++)
        {
            var start = offsets[segment];
            var end = segment + 1 < segmentCount ? offsets[segment + 1] : data.Length;
            var sample = segment / bytesPerSample;
            var significance = segment % bytesPerSample;

            // Byte 0 of a segment group is the most significant, which little-endian cells store last.
            var target = planes.Slice((sample * planeLength) + (bytesPerSample - 1 - significance), planeLength - (bytesPerSample - 1));
            DecodeSegment(data[start..end], target, pixelCount, bytesPerSample, frameIndex, segment);
        }
    }

    private static int[] ReadHeader(ReadOnlySpan<byte> data, int expectedSegments, int frameIndex)
    {
        if (data.Length < HeaderLength)
        {
            throw Fault(frameIndex, $"contains {data.Length} bytes, fewer than the {HeaderLength}-byte RLE header");
        }

        var count = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (count is 0 or > MaxSegments)
        {
            throw Fault(frameIndex, $"has an RLE header with {count} segments, expected 1 to {MaxSegments}");
        }

        if (count != expectedSegments)
        {
            throw Fault(frameIndex, $"has an RLE header with {count} segments, expected {expectedSegments}: one for each byte of each sample");
        }

        var offsets = new int[expectedSegments];
        for (var segment = 0; segment < expectedSegments; segment++)
        {
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(data[(4 + (4 * segment))..]);
            if (offset < HeaderLength || offset > data.Length)
            {
                throw Fault(frameIndex, $"gives RLE segment {segment + 1} offset {offset}, outside the {HeaderLength} to {data.Length} bytes of the frame");
            }

            if (segment > 0 && offset < offsets[segment - 1])
            {
                throw Fault(frameIndex, $"gives RLE segment {segment + 1} offset {offset}, before segment {segment}'s offset {offsets[segment - 1]}");
            }

            offsets[segment] = (int)offset;
        }

        return offsets;
    }

    /// <summary>Decodes one PackBits segment of <paramref name="count"/> bytes into every <paramref name="stride"/>th byte of <paramref name="target"/>.</summary>
    private static void DecodeSegment(ReadOnlySpan<byte> source, Span<byte> target, int count, int stride, int frameIndex, int segment)
    {
        var produced = 0;
        var position = 0;
        while (produced < count)
        {
            if (position >= source.Length)
            {
                throw Fault(frameIndex, $"has RLE segment {segment + 1} that ends after {produced} of its {count} bytes");
            }

            int header = (sbyte)source[position++];
            if (header == NoOperation)
            {
                continue;
            }

            var runLength = header >= 0 ? header + 1 : 1 - header;
            if (runLength > count - produced)
            {
                throw Fault(frameIndex, $"has RLE segment {segment + 1} with a run of {runLength} bytes at byte {produced}, past the segment's {count} bytes");
            }

            if (header >= 0)
            {
                if (runLength > source.Length - position)
                {
                    throw Fault(frameIndex, $"has RLE segment {segment + 1} whose literal run of {runLength} bytes is cut off by the segment end");
                }

                CopyLiteral(source.Slice(position, runLength), target, produced, stride);
                position += runLength;
            }
            else
            {
                if (position >= source.Length)
                {
                    throw Fault(frameIndex, $"has RLE segment {segment + 1} whose repeat run lacks its byte");
                }

                FillRun(source[position++], runLength, target, produced, stride);
            }

            produced += runLength;
        }
    }

    private static void CopyLiteral(ReadOnlySpan<byte> literal, Span<byte> target, int first, int stride)
    {
        if (stride == 1)
        {
            literal.CopyTo(target[first..]);
            return;
        }

        var index = first * stride;
        foreach (var value in literal)
        {
            target[index] = value;
            index += stride;
        }
    }

    private static void FillRun(byte value, int length, Span<byte> target, int first, int stride)
    {
        if (stride == 1)
        {
            target.Slice(first, length).Fill(value);
            return;
        }

        var index = first * stride;
        for (var i = 0; i < length; i++)
        {
            target[index] = value;
            index += stride;
        }
    }

    private static DicomPixelDataException Fault(int frameIndex, string reason) =>
        new($"frame {frameIndex} of Pixel Data {DicomTags.PixelData} {reason}", DicomTags.PixelData);
}
