using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Node.Inference.Preprocessing;

/// <summary>
/// One pass over an image's modality values: each becomes its display level from 0 to 1 under
/// the VOI window, in place, optionally inverted for MONOCHROME1, and the body outline is counted
/// on the way. It runs once per pixel, so it inlines <see cref="VoiWindow.Apply"/> and
/// <see cref="VoiWindow.Clips"/> and, where the processor has 256-bit vectors, handles eight
/// values at a time in double precision, with the same arithmetic as the scalar loop, so both
/// give the same levels bit for bit.
/// </summary>
internal static class WindowPass
{
    /// <summary>Windows <paramref name="values"/> in place and returns the body counts and the sum of the background levels.</summary>
    /// <param name="values">Modality values; they are replaced by display levels.</param>
    /// <param name="window">The VOI window.</param>
    /// <param name="invert">Whether a level l becomes 1 − l (MONOCHROME1).</param>
    /// <param name="bodyThreshold">Values at or above this are inside the body outline, in modality units.</param>
    public static (long BodyPixels, long ClippedBodyPixels, double BackgroundSum) Apply(float[] values, VoiWindow window, bool invert, double bodyThreshold)
    {
        var totals = new Totals();
        var constants = new Constants(window, invert, bodyThreshold);
        var done = Vector256.IsHardwareAccelerated ? ApplyVectors(values, constants, ref totals) : 0;
        ApplyScalar(values.AsSpan(done), constants, ref totals);
        return (totals.BodyPixels, totals.ClippedBodyPixels, totals.BackgroundSum);
    }

    /// <summary>Windows whole groups of eight values and returns how many values it windowed.</summary>
    private static int ApplyVectors(float[] values, Constants constants, ref Totals totals)
    {
        var lower = Vector256.Create(constants.Lower);
        var upper = Vector256.Create(constants.Upper);
        var origin = Vector256.Create(constants.Origin);
        var scale = Vector256.Create(constants.Scale);
        var half = Vector256.Create(0.5);
        var maxLevel = Vector256<double>.One;
        var threshold = Vector256.Create(constants.BodyThreshold);
        var bodyCounts = Vector256<long>.Zero;
        var clippedCounts = Vector256<long>.Zero;
        var backgroundSums = Vector256<double>.Zero;

        ref var start = ref MemoryMarshal.GetArrayDataReference(values);
        var count = values.Length - (values.Length % Vector256<float>.Count);
        for (var i = 0; i < count; i += Vector256<float>.Count)
        {
            var (first, second) = Vector256.Widen(Vector256.LoadUnsafe(ref start, (nuint)i));
            var firstLevels = Level(first);
            var secondLevels = Level(second);
            Vector256.Narrow(firstLevels, secondLevels).StoreUnsafe(ref start, (nuint)i);
        }

        totals.BodyPixels -= Vector256.Sum(bodyCounts);
        totals.ClippedBodyPixels -= Vector256.Sum(clippedCounts);
        totals.BackgroundSum += Vector256.Sum(backgroundSums);
        return count;

        // A comparison mask lane is all ones, -1 as a long: the counters add masks and so count
        // down, and the totals above subtract their sums.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        Vector256<double> Level(Vector256<double> value)
        {
            var below = Vector256.LessThanOrEqual(value, lower);
            var above = Vector256.GreaterThan(value, upper);
            var level = Vector256.ConditionalSelect(below, Vector256<double>.Zero, Vector256.ConditionalSelect(above, maxLevel, ((value - origin) * scale) + half));
            if (constants.Invert)
            {
                level = maxLevel - level;
            }

            var body = Vector256.GreaterThanOrEqual(value, threshold);
            bodyCounts += body.AsInt64();
            clippedCounts += (body & (below | above)).AsInt64();
            backgroundSums += Vector256.AndNot(level, body);
            return level;
        }
    }

    private static void ApplyScalar(Span<float> values, Constants constants, ref Totals totals)
    {
        for (var i = 0; i < values.Length; i++)
        {
            double value = values[i];
            var clipped = value <= constants.Lower || value > constants.Upper;
            double level;
            if (value <= constants.Lower)
            {
                level = 0.0;
            }
            else if (value > constants.Upper)
            {
                level = 1.0;
            }
            else
            {
                level = ((value - constants.Origin) * constants.Scale) + 0.5;
            }

            if (constants.Invert)
            {
                level = 1.0 - level;
            }

            values[i] = (float)level;
            if (value >= constants.BodyThreshold)
            {
                totals.BodyPixels++;
                totals.ClippedBodyPixels += clipped ? 1 : 0;
            }
            else
            {
                totals.BackgroundSum += level;
            }
        }
    }

    /// <summary>The window's bounds and the level formula's terms, as <see cref="VoiWindow.Apply"/> computes them.</summary>
    private readonly struct Constants(VoiWindow window, bool invert, double bodyThreshold)
    {
        public double Lower { get; } = window.Lower;

        public double Upper { get; } = window.Upper;

        public double Origin { get; } = window.Center - 0.5;

        /// <summary>1 / (width − 1); infinite for width 1, where no value falls between the bounds and the product is never kept.</summary>
        public double Scale { get; } = 1.0 / (window.Width - 1.0);

        public bool Invert { get; } = invert;

        public double BodyThreshold { get; } = bodyThreshold;
    }

    private struct Totals
    {
        public long BodyPixels;
        public long ClippedBodyPixels;
        public double BackgroundSum;
    }
}
