using Node.Inference.Packs;

namespace Node.Inference.Preprocessing;

/// <summary>
/// Resamples an image to another size, mapping pixel centres onto pixel centres (source
/// coordinate = (target + 0.5) × scale − 0.5, clamped to the image), as ONNX Resize does with
/// coordinate_transformation_mode "half_pixel".
/// </summary>
public static class ImageResampler
{
    public static float[] Resize(float[] source, int rows, int columns, int targetRows, int targetColumns, Interpolation interpolation)
    {
        if (rows == targetRows && columns == targetColumns)
        {
            return (float[])source.Clone();
        }

        return interpolation == Interpolation.Nearest
            ? ResizeNearest(source, rows, columns, targetRows, targetColumns)
            : ResizeBilinear(source, rows, columns, targetRows, targetColumns);
    }

    private static float[] ResizeBilinear(float[] source, int rows, int columns, int targetRows, int targetColumns)
    {
        var rowTaps = BilinearTaps(rows, targetRows);
        var columnTaps = BilinearTaps(columns, targetColumns);
        var target = new float[targetRows * targetColumns];
        for (var r = 0; r < targetRows; r++)
        {
            var (r0, r1, rowWeight) = rowTaps[r];
            for (var c = 0; c < targetColumns; c++)
            {
                var (c0, c1, columnWeight) = columnTaps[c];
                var top = (source[(r0 * columns) + c0] * (1.0 - columnWeight)) + (source[(r0 * columns) + c1] * columnWeight);
                var bottom = (source[(r1 * columns) + c0] * (1.0 - columnWeight)) + (source[(r1 * columns) + c1] * columnWeight);
                target[(r * targetColumns) + c] = (float)((top * (1.0 - rowWeight)) + (bottom * rowWeight));
            }
        }

        return target;
    }

    /// <summary>Returns, per target index, the two source indices and the weight of the second.</summary>
    private static (int First, int Second, double Weight)[] BilinearTaps(int size, int targetSize)
    {
        var scale = (double)size / targetSize;
        var taps = new (int, int, double)[targetSize];
        for (var i = 0; i < targetSize; i++)
        {
            var position = Math.Clamp(((i + 0.5) * scale) - 0.5, 0.0, size - 1);
            var first = (int)Math.Floor(position);
            var second = Math.Min(first + 1, size - 1);
            taps[i] = (first, second, position - first);
        }

        return taps;
    }

    private static float[] ResizeNearest(float[] source, int rows, int columns, int targetRows, int targetColumns)
    {
        var rowScale = (double)rows / targetRows;
        var columnScale = (double)columns / targetColumns;
        var target = new float[targetRows * targetColumns];
        for (var r = 0; r < targetRows; r++)
        {
            var sourceRow = Math.Min((int)Math.Floor((r + 0.5) * rowScale), rows - 1);
            for (var c = 0; c < targetColumns; c++)
            {
                var sourceColumn = Math.Min((int)Math.Floor((c + 0.5) * columnScale), columns - 1);
                target[(r * targetColumns) + c] = source[(sourceRow * columns) + sourceColumn];
            }
        }

        return target;
    }
}
