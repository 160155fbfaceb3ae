namespace Node.Inference.Imaging;

/// <summary>One grayscale frame: <see cref="Values"/> contains Rows × Columns numbers, row by row.</summary>
public sealed class GrayscaleImage
{
    /// <exception cref="ArgumentException">The number of values is not rows × columns.</exception>
    public GrayscaleImage(int rows, int columns, float[] values)
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
    }

    public int Rows { get; }

    public int Columns { get; }

    public float[] Values { get; }
}
