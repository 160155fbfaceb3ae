namespace Node.Inference.Imaging;

/// <summary>One grayscale frame: <see cref="Values"/> contains Rows × Columns numbers, row by row.</summary>
public sealed class GrayscaleImage
{
    /// <exception cref="ArgumentException">The number of values is not rows × columns.</exception>
    public GrayscaleImage(int rows, int columns, float[] values, bool isMonochrome1 = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (values.Length != rows * columns)
        {
            throw new ArgumentException($"An image of {rows} × {columns} pixels needs {rows * columns} values; got {values.Length}.", nameof(values));
        }

        Rows = rows;
        Columns = columns;
        Values = values;
        IsMonochrome1 = isMonochrome1;
    }

    public int Rows { get; }

    public int Columns { get; }

    public float[] Values { get; }

    /// <summary>Whether the minimum value displays white (Photometric Interpretation MONOCHROME1); <see cref="Values"/> are never inverted.</summary>
    public bool IsMonochrome1 { get; }
}
