using System.Buffers.Binary;

namespace Node.Dicom.Tests.Imaging;

/// <summary>
/// A plain RLE Lossless encoder for building test frames (PS3.5 Annex G). It writes one segment
/// per byte of each sample, the most significant byte first. Three or more equal bytes become a
/// repeat run and other bytes literal runs, and each segment is padded to even length.
/// </summary>
internal static class RleTestEncoder
{
    private const int HeaderLength = 64;
    private const int MaxRun = 128;

    /// <summary>Encodes one frame given per sample, each value <paramref name="bytesPerSample"/> bytes wide.</summary>
    public static byte[] EncodeFrame(long[][] samplePlanes, int bytesPerSample)
    {
        var segments = new List<byte[]>();
        foreach (var plane in samplePlanes)
        {
            for (var significance = bytesPerSample - 1; significance >= 0; significance--)
            {
                var shift = 8 * significance;
                segments.Add(EncodeSegment([.. plane.Select(value => (byte)(value >> shift))]));
            }
        }

        return Assemble(segments);
    }

    /// <summary>Builds a frame from ready segments, each placed right after the previous one.</summary>
    public static byte[] Assemble(IReadOnlyList<byte[]> segments)
    {
        var frame = new byte[HeaderLength + segments.Sum(segment => segment.Length)];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)segments.Count);
        var offset = HeaderLength;
        for (var i = 0; i < segments.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4 + (4 * i)), (uint)offset);
            segments[i].CopyTo(frame, offset);
            offset += segments[i].Length;
        }

        return frame;
    }

    public static byte[] EncodeSegment(byte[] data)
    {
        var output = new List<byte>();
        var i = 0;
        while (i < data.Length)
        {
            var repeat = 1;
            while (i + repeat < data.Length && repeat < MaxRun && data[i + repeat] == data[i])
            {
                repeat++;
            }

            if (repeat >= 3)
            {
                output.Add((byte)(1 - repeat));
                output.Add(data[i]);
                i += repeat;
                continue;
            }

            var start = i;
            while (i < data.Length && i - start < MaxRun && !(i + 2 < data.Length && data[i] == data[i + 1] && data[i] == data[i + 2]))
            {
                i++;
            }

            output.Add((byte)(i - start - 1));
            output.AddRange(data[start..i]);
        }

        if (output.Count % 2 != 0)
        {
            output.Add(0);
        }

        return [.. output];
    }
}
