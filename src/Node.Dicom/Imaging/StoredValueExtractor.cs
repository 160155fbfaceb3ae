using System.Numerics;
using System.Runtime.InteropServices;

namespace Node.Dicom.Imaging;

/// <summary>
/// Turns the stored bytes of a frame into sample values, pixel by pixel with the samples of a
/// pixel together. Horizontally subsampled chroma is repeated for both pixels of a pair. Each
/// value keeps only the Bits Stored bits ending at High Bit, sign-extended for signed data.
/// </summary>
/// <remarks>
/// NOTE: cells are reinterpreted in place as little-endian numbers. That is right on x64 and
/// Arm64 processors, but a big-endian processor would need a byte swap here.
/// </remarks>
internal static class StoredValueExtractor
{
    private const int BitsPerByte = 8;
    private const int PairSampleCount = 4;
    private const int ColorSamples = 3;

    /// <summary>Fills <paramref name="destination"/>, of <see cref="ImagePixelModule.FrameValueCount"/> values, from one frame.</summary>
    public static void Extract<T>(StoredFrame frame, Span<T> destination, ImagePixelModule module)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (module.BitsAllocated == 1)
        {
            UnpackBits(frame.Bytes, frame.FirstBit, MemoryMarshal.AsBytes(destination));
            return;
        }

        var cells = MemoryMarshal.Cast<byte, T>(frame.Bytes);
        if (module.IsSubsampled)
        {
            ExpandPairs(cells, destination);
        }
        else if (frame.IsPlanar && module.SamplesPerPixel > 1)
        {
            Interleave(cells, destination, module.PixelCount, module.SamplesPerPixel);
        }
        else
        {
            cells[..destination.Length].CopyTo(destination);
        }

        KeepStoredBits(destination, module.BitsAllocated, module.BitsStored, module.HighBit);
    }

    /// <summary>
    /// Unpacks 1-bit pixels (PS3.5 8.1.1): pixel k of the frame is bit (first + k) mod 8 of byte
    /// (first + k) / 8, counting bit 0 as the least significant.
    /// </summary>
    private static void UnpackBits(ReadOnlySpan<byte> packed, int firstBit, Span<byte> destination)
    {
        var index = 0;
        if (firstBit == 0)
        {
            var wholeBytes = destination.Length / BitsPerByte;
            for (var b = 0; b < wholeBytes; b++)
            {
                int bits = packed[b];
                for (var bit = 0; bit < BitsPerByte; bit++)
                {
                    destination[index++] = (byte)((bits >> bit) & 1);
                }
            }
        }

        for (; index < destination.Length; index++)
        {
            var position = firstBit + index;
            destination[index] = (byte)((packed[position / BitsPerByte] >> (position % BitsPerByte)) & 1);
        }
    }

    /// <summary>Expands YBR_FULL_422 pairs, stored as Y1 Y2 Cb Cr, into Y1 Cb Cr Y2 Cb Cr.</summary>
    private static void ExpandPairs<T>(ReadOnlySpan<T> cells, Span<T> destination)
        where T : unmanaged
    {
        var pairs = destination.Length / (2 * ColorSamples);
        for (var pair = 0; pair < pairs; pair++)
        {
            var stored = cells.Slice(pair * PairSampleCount, PairSampleCount);
            var target = destination.Slice(pair * 2 * ColorSamples, 2 * ColorSamples);
            target[0] = stored[0];
            target[1] = stored[2];
            target[2] = stored[3];
            target[3] = stored[1];
            target[4] = stored[2];
            target[5] = stored[3];
        }
    }

    /// <summary>Moves planar samples, one plane per sample, to pixel order.</summary>
    private static void Interleave<T>(ReadOnlySpan<T> cells, Span<T> destination, int pixelCount, int samples)
        where T : unmanaged
    {
        for (var sample = 0; sample < samples; sample++)
        {
            var plane = cells.Slice(sample * pixelCount, pixelCount);
            var index = sample;
            for (var pixel = 0; pixel < plane.Length; pixel++)
            {
                destination[index] = plane[pixel];
                index += samples;
            }
        }
    }

    /// <summary>
    /// Keeps bits HighBit - BitsStored + 1 to HighBit of each cell as the value. A left shift
    /// drops the bits above High Bit. A right shift, arithmetic for signed types, then drops the
    /// bits below the value and extends its sign.
    /// </summary>
    internal static void KeepStoredBits<T>(Span<T> values, int bitsAllocated, int bitsStored, int highBit)
        where T : unmanaged, IBinaryInteger<T>
    {
        var up = bitsAllocated - 1 - highBit;
        var down = bitsAllocated - bitsStored;
        if (up == 0 && down == 0)
        {
            return;
        }

        var index = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<T>.Count)
        {
            var vectors = MemoryMarshal.Cast<T, Vector<T>>(values);
            for (var i = 0; i < vectors.Length; i++)
            {
                vectors[i] = (vectors[i] << up) >> down;
            }

            index = vectors.Length * Vector<T>.Count;
        }

        for (; index < values.Length; index++)
        {
            values[index] = (values[index] << up) >> down;
        }
    }
}
