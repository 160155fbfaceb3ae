using System.Numerics;
using System.Runtime.InteropServices;

namespace Node.Dicom.Imaging;

/// <summary>
/// Applies a linear map, value × slope + intercept, to stored values. Values of up to 16 bits are
/// computed in single precision, which represents them exactly, as it does integer rescales such
/// as CT's slope 1 and intercept -1024. 16-bit values use SIMD. 32-bit values are computed in
/// double precision and then rounded to float.
/// </summary>
internal static class ModalityRescale
{
    public static void Apply<T>(ReadOnlySpan<T> stored, Span<float> destination, double slope, double intercept)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (typeof(T) == typeof(int) || typeof(T) == typeof(uint))
        {
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = (float)((double.CreateTruncating(stored[i]) * slope) + intercept);
            }

            return;
        }

        var singleSlope = (float)slope;
        var singleIntercept = (float)intercept;
        var start = 0;
        if (typeof(T) == typeof(short))
        {
            start = ApplyVectorized(MemoryMarshal.Cast<T, short>(stored), destination, singleSlope, singleIntercept);
        }
        else if (typeof(T) == typeof(ushort))
        {
            start = ApplyVectorized(MemoryMarshal.Cast<T, ushort>(stored), destination, singleSlope, singleIntercept);
        }

        for (var i = start; i < destination.Length; i++)
        {
            destination[i] = (float.CreateTruncating(stored[i]) * singleSlope) + singleIntercept;
        }
    }

    /// <summary>Rescales whole vectors of signed 16-bit values and returns how many it did.</summary>
    private static int ApplyVectorized(ReadOnlySpan<short> stored, Span<float> destination, float slope, float intercept)
    {
        if (!Vector.IsHardwareAccelerated)
        {
            return 0;
        }

        var slopes = new Vector<float>(slope);
        var intercepts = new Vector<float>(intercept);
        var half = Vector<int>.Count;
        var i = 0;
        for (; i + Vector<short>.Count <= destination.Length; i += Vector<short>.Count)
        {
            Vector.Widen(new Vector<short>(stored[i..]), out Vector<int> low, out Vector<int> high);
            ((Vector.ConvertToSingle(low) * slopes) + intercepts).CopyTo(destination[i..]);
            ((Vector.ConvertToSingle(high) * slopes) + intercepts).CopyTo(destination[(i + half)..]);
        }

        return i;
    }

    /// <summary>Rescales whole vectors of unsigned 16-bit values and returns how many it did.</summary>
    private static int ApplyVectorized(ReadOnlySpan<ushort> stored, Span<float> destination, float slope, float intercept)
    {
        if (!Vector.IsHardwareAccelerated)
        {
            return 0;
        }

        var slopes = new Vector<float>(slope);
        var intercepts = new Vector<float>(intercept);
        var half = Vector<uint>.Count;
        var i = 0;
        for (; i + Vector<ushort>.Count <= destination.Length; i += Vector<ushort>.Count)
        {
            // Widened 16-bit values fit in 31 bits, so they convert as signed integers.
            Vector.Widen(new Vector<ushort>(stored[i..]), out Vector<uint> low, out Vector<uint> high);
            ((Vector.ConvertToSingle(Vector.AsVectorInt32(low)) * slopes) + intercepts).CopyTo(destination[i..]);
            ((Vector.ConvertToSingle(Vector.AsVectorInt32(high)) * slopes) + intercepts).CopyTo(destination[(i + half)..]);
        }

        return i;
    }
}
