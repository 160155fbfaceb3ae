using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Node.Inference.Packs;

namespace Node.Inference.Preprocessing;

/// <summary>
/// Resamples an image to another size, mapping pixel centres onto pixel centres (source
/// coordinate = (target + 0.5) × scale − 0.5, clamped to the image), as ONNX Resize does with
/// coordinate_transformation_mode "half_pixel".
/// </summary>
/// <remarks>
/// Bilinear resampling runs in two passes: each source row that a target row needs is first
/// interpolated across its columns once, then each target row blends its two interpolated rows.
/// The arithmetic is single precision, the precision of the model's input.
/// </remarks>
public static class ImageResampler
{
    /// <param name="source">Rows × columns values, row by row.</param>
    /// <param name="rows">The source's rows.</param>
    /// <param name="columns">The source's columns.</param>
    /// <param name="targetRows">The result's rows.</param>
    /// <param name="targetColumns">The result's columns.</param>
    /// <param name="interpolation">How values between pixel centres are found.</param>
    /// <param name="target">An array of targetRows × targetColumns values to write into and return; null to get a new one.</param>
    /// <exception cref="ArgumentException"><paramref name="target"/> has another length.</exception>
    public static float[] Resize(float[] source, int rows, int columns, int targetRows, int targetColumns, Interpolation interpolation, float[]? target = null)
    {
        target ??= GC.AllocateUninitializedArray<float>(targetRows * targetColumns);
        ResizeInto(source, rows, columns, targetRows, targetColumns, interpolation, target);
        return target;
    }

    /// <summary>Resamples <paramref name="source"/> into <paramref name="target"/>, for a caller that writes into part of a larger buffer.</summary>
    /// <param name="source">Rows × columns values, row by row.</param>
    /// <param name="rows">The source's rows.</param>
    /// <param name="columns">The source's columns.</param>
    /// <param name="targetRows">The result's rows.</param>
    /// <param name="targetColumns">The result's columns.</param>
    /// <param name="interpolation">How values between pixel centres are found.</param>
    /// <param name="target">Exactly targetRows × targetColumns values, all overwritten.</param>
    /// <exception cref="ArgumentException"><paramref name="target"/> has another length.</exception>
    public static void ResizeInto(float[] source, int rows, int columns, int targetRows, int targetColumns, Interpolation interpolation, Span<float> target)
    {
        if (target.Length != targetRows * targetColumns)
        {
            throw new ArgumentException($"Target array length {target.Length} is invalid: a {targetRows} × {targetColumns} result needs {targetRows * targetColumns} values.", nameof(target));
        }

        if (rows == targetRows && columns == targetColumns)
        {
            source.AsSpan(0, target.Length).CopyTo(target);
        }
        else if (interpolation == Interpolation.Nearest)
        {
            ResizeNearest(source, rows, columns, targetRows, targetColumns, target);
        }
        else
        {
            ResizeBilinear(source, rows, columns, targetRows, targetColumns, target);
        }
    }

    private static void ResizeBilinear(float[] source, int rows, int columns, int targetRows, int targetColumns, Span<float> target)
    {
        var plan = BilinearPlan.For(rows, columns, targetRows, targetColumns);
        var rowTaps = plan.RowTaps;
        var columnTaps = plan.ColumnTaps;
        var upper = plan.Upper;
        var lower = plan.Lower;
        upper.Clear();
        lower.Clear();

        for (var r = 0; r < targetRows; r++)
        {
            // Going down the image, the lower row of one target row is often the upper row of the next.
            if (lower.SourceRow == rowTaps.First[r])
            {
                (upper, lower) = (lower, upper);
            }

            upper.Fill(source, columns, rowTaps.First[r], columnTaps);
            lower.Fill(source, columns, rowTaps.Second[r], columnTaps);
            Blend(upper.Values, lower.Values, rowTaps.Weight[r], target.Slice(r * targetColumns, targetColumns));
        }
    }

    /// <summary>Writes upper + (lower − upper) × weight for every column.</summary>
    private static void Blend(ReadOnlySpan<float> upper, ReadOnlySpan<float> lower, float weight, Span<float> destination)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var weights = new Vector<float>(weight);
            for (; i <= destination.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var top = new Vector<float>(upper[i..]);
                var bottom = new Vector<float>(lower[i..]);
                (top + ((bottom - top) * weights)).CopyTo(destination[i..]);
            }
        }

        for (; i < destination.Length; i++)
        {
            destination[i] = upper[i] + ((lower[i] - upper[i]) * weight);
        }
    }

    private static void ResizeNearest(float[] source, int rows, int columns, int targetRows, int targetColumns, Span<float> target)
    {
        var rowScale = (double)rows / targetRows;
        var columnScale = (double)columns / targetColumns;
        var sourceColumns = new int[targetColumns];
        for (var c = 0; c < targetColumns; c++)
        {
            sourceColumns[c] = Math.Min((int)Math.Floor((c + 0.5) * columnScale), columns - 1);
        }

        for (var r = 0; r < targetRows; r++)
        {
            var sourceRow = Math.Min((int)Math.Floor((r + 0.5) * rowScale), rows - 1);
            var sourceOffset = sourceRow * columns;
            var targetOffset = r * targetColumns;
            for (var c = 0; c < targetColumns; c++)
            {
                target[targetOffset + c] = source[sourceOffset + sourceColumns[c]];
            }
        }
    }

    /// <summary>
    /// The taps and row buffers of one bilinear resize, kept per thread for the last size
    /// resized, since a model's inputs mostly come in a few sizes and computing the taps took about
    /// a twentieth of the preprocessing time.
    /// </summary>
    private sealed class BilinearPlan
    {
        [ThreadStatic]
        private static BilinearPlan? _last;

        private BilinearPlan(int rows, int columns, int targetRows, int targetColumns)
        {
            Rows = rows;
            Columns = columns;
            RowTaps = new BilinearTaps(rows, targetRows);
            ColumnTaps = new BilinearTaps(columns, targetColumns);
            Upper = new InterpolatedRow(targetColumns);
            Lower = new InterpolatedRow(targetColumns);
        }

        public int Rows { get; }

        public int Columns { get; }

        public BilinearTaps RowTaps { get; }

        public BilinearTaps ColumnTaps { get; }

        public InterpolatedRow Upper { get; }

        public InterpolatedRow Lower { get; }

        /// <summary>Returns this thread's plan for the sizes, built where the last one was for other sizes.</summary>
        public static BilinearPlan For(int rows, int columns, int targetRows, int targetColumns)
        {
            if (_last is { } last && last.Rows == rows && last.Columns == columns && last.RowTaps.First.Length == targetRows && last.ColumnTaps.First.Length == targetColumns)
            {
                return last;
            }

            _last = new BilinearPlan(rows, columns, targetRows, targetColumns);
            return _last;
        }
    }

    /// <summary>Per target index along one axis: the two source indices and the weight of the second.</summary>
    private sealed class BilinearTaps
    {
        public BilinearTaps(int size, int targetSize)
        {
            First = new int[targetSize];
            Second = new int[targetSize];
            Weight = new float[targetSize];
            var scale = (double)size / targetSize;
            for (var i = 0; i < targetSize; i++)
            {
                var position = Math.Clamp(((i + 0.5) * scale) - 0.5, 0.0, size - 1);
                var first = (int)Math.Floor(position);
                First[i] = first;
                Second[i] = Math.Min(first + 1, size - 1);
                Weight[i] = (float)(position - first);
            }

            LeftOffsets = new int[targetSize];
            RightOffsets = new int[targetSize];
            BlockStarts = FindBlockStarts(size);
        }

        /// <summary>Target indices per block: eight, as many single-precision values as one 256-bit vector holds.</summary>
        public const int BlockLength = 8;

        public int[] First { get; }

        public int[] Second { get; }

        public float[] Weight { get; }

        /// <summary>
        /// Per block of eight target indices, the first source index it reads, or −1 where the
        /// block reads beyond that index plus eight and is interpolated one value at a time.
        /// When enlarging, eight target indices span at most eight source indices.
        /// </summary>
        public int[] BlockStarts { get; }

        /// <summary>Per target index in a block that has a start: its first source index minus the block's start.</summary>
        public int[] LeftOffsets { get; }

        /// <summary>Per target index in a block that has a start: its second source index minus the block's start minus one, since the right neighbours are loaded from one index further on.</summary>
        public int[] RightOffsets { get; }

        private int[] FindBlockStarts(int size)
        {
            var starts = new int[First.Length / BlockLength];
            for (var block = 0; block < starts.Length; block++)
            {
                var start = First[block * BlockLength];
                var fits = start + BlockLength < size;
                for (var k = 0; k < BlockLength && fits; k++)
                {
                    var index = (block * BlockLength) + k;
                    LeftOffsets[index] = First[index] - start;
                    RightOffsets[index] = Second[index] - start - 1;
                    fits = LeftOffsets[index] is >= 0 and < BlockLength && RightOffsets[index] is >= 0 and < BlockLength;
                }

                starts[block] = fits ? start : -1;
            }

            return starts;
        }
    }

    /// <summary>One source row interpolated across the target's columns, remembering which row it holds.</summary>
    private sealed class InterpolatedRow(int targetColumns)
    {
        public float[] Values { get; } = new float[targetColumns];

        /// <summary>The source row now in <see cref="Values"/>; −1 before the first fill.</summary>
        public int SourceRow { get; private set; } = -1;

        /// <summary>Marks the row as holding no source row, before a new image is resized.</summary>
        public void Clear() => SourceRow = -1;

        public void Fill(float[] source, int columns, int sourceRow, BilinearTaps columnTaps)
        {
            if (SourceRow == sourceRow)
            {
                return;
            }

            var row = source.AsSpan(sourceRow * columns, columns);
            var done = Avx2.IsSupported ? FillBlocks(row, columnTaps) : 0;
            FillOneByOne(row, columnTaps, done);
            SourceRow = sourceRow;
        }

        /// <summary>
        /// Interpolates each block of eight whose source values fit in nine: loads them twice,
        /// once from the block's first source index and once from the next, and permutes each
        /// load into the eight left and the eight right neighbours. Returns where the values
        /// that are left start.
        /// </summary>
        private int FillBlocks(ReadOnlySpan<float> row, BilinearTaps columnTaps)
        {
            var starts = columnTaps.BlockStarts;
            var values = Values;
            var block = 0;
            for (; block < starts.Length && starts[block] >= 0; block++)
            {
                var start = starts[block];
                var offset = block * BilinearTaps.BlockLength;
                var left = Avx2.PermuteVar8x32(Vector256.Create(row.Slice(start, BilinearTaps.BlockLength)), Vector256.Create(columnTaps.LeftOffsets.AsSpan(offset, BilinearTaps.BlockLength)));
                var right = Avx2.PermuteVar8x32(Vector256.Create(row.Slice(start + 1, BilinearTaps.BlockLength)), Vector256.Create(columnTaps.RightOffsets.AsSpan(offset, BilinearTaps.BlockLength)));
                var weights = Vector256.Create(columnTaps.Weight.AsSpan(offset, BilinearTaps.BlockLength));
                (left + ((right - left) * weights)).CopyTo(values.AsSpan(offset, BilinearTaps.BlockLength));
            }

            return block * BilinearTaps.BlockLength;
        }

        private void FillOneByOne(ReadOnlySpan<float> row, BilinearTaps columnTaps, int from)
        {
            var first = columnTaps.First;
            var second = columnTaps.Second;
            var weight = columnTaps.Weight;
            var values = Values;
            for (var c = from; c < values.Length && c < first.Length && c < second.Length && c < weight.Length; c++)
            {
                var left = row[first[c]];
                values[c] = left + ((row[second[c]] - left) * weight[c]);
            }
        }
    }
}
