namespace Node.Reports.Sc;

/// <summary>An 8-bit RGB picture: R G B bytes for each pixel, row by row, as Planar Configuration 0 stores them.</summary>
public sealed record RgbImage(int Rows, int Columns, byte[] Pixels)
{
    public const int SamplesPerPixel = 3;

    /// <summary>Returns the colour at a row and column.</summary>
    public (byte Red, byte Green, byte Blue) this[int row, int column]
    {
        get
        {
            var index = ((row * Columns) + column) * SamplesPerPixel;
            return (Pixels[index], Pixels[index + 1], Pixels[index + 2]);
        }
    }
}
