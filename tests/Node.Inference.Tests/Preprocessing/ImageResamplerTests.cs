using Node.Inference.Packs;
using Node.Inference.Preprocessing;

namespace Node.Inference.Tests.Preprocessing;

public sealed class ImageResamplerTests
{
    [TestCase(5, 7, 11, 13)]
    [TestCase(9, 6, 4, 3)]
    [TestCase(192, 192, 256, 256)]
    [TestCase(300, 260, 256, 256)]
    [TestCase(1, 8, 5, 3)]
    [TestCase(3, 17, 5, 64)]
    [TestCase(8, 8, 16, 16)]
    [TestCase(4, 255, 4, 256)]
    [TestCase(6, 100, 9, 101)]
    [Description("The two-pass resampler must equal bilinear interpolation written out per pixel in double precision (half-pixel centres, clamped), up to single-precision rounding. Enlargements along a row use blocks of eight where the processor has AVX2, and the rest one value at a time.")]
    public void Bilinear_resize_matches_per_pixel_formula(int rows, int columns, int targetRows, int targetColumns)
    {
        var source = RandomImage(rows, columns, seed: rows * 1000 + columns);

        var resized = ImageResampler.Resize(source, rows, columns, targetRows, targetColumns, Interpolation.Bilinear);

        var expected = PerPixelBilinear(source, rows, columns, targetRows, targetColumns);
        Assert.That(resized, Has.Length.EqualTo(expected.Length));
        Assert.That(MaxDifference(resized, expected), Is.LessThan(1e-3), "values are from -1000 to 3000, so 1e-3 is a few single-precision steps");
    }

    [Test]
    [Description("Each thread keeps the taps and row buffers of the last size it resized. A later image, of the same size or not, must not reuse rows interpolated from an earlier one: single-row images need the same source row for every target row.")]
    public void Consecutive_resizes_each_match_formula()
    {
        (int Rows, int Columns, int TargetRows, int TargetColumns)[] sizes =
            [(1, 8, 5, 3), (1, 8, 5, 3), (192, 192, 256, 256), (192, 192, 256, 256), (9, 6, 4, 3), (192, 192, 256, 256)];

        for (var i = 0; i < sizes.Length; i++)
        {
            var (rows, columns, targetRows, targetColumns) = sizes[i];
            var source = RandomImage(rows, columns, seed: 50 + i);

            var resized = ImageResampler.Resize(source, rows, columns, targetRows, targetColumns, Interpolation.Bilinear);

            var expected = PerPixelBilinear(source, rows, columns, targetRows, targetColumns);
            Assert.That(MaxDifference(resized, expected), Is.LessThan(1e-3), $"resize {i + 1}, {rows} × {columns} to {targetRows} × {targetColumns}");
        }
    }

    [Test]
    public void Same_size_resize_returns_a_copy()
    {
        float[] source = [1, 2, 3, 4];

        var resized = ImageResampler.Resize(source, 2, 2, 2, 2, Interpolation.Bilinear);

        Assert.That(resized, Is.EqualTo(source));
        Assert.That(resized, Is.Not.SameAs(source));
    }

    [Test]
    public void Resize_writes_into_given_target()
    {
        var source = RandomImage(6, 5, seed: 3);
        var target = new float[9 * 7];

        var resized = ImageResampler.Resize(source, 6, 5, 9, 7, Interpolation.Bilinear, target);

        Assert.That(resized, Is.SameAs(target));
        Assert.That(resized, Is.EqualTo(ImageResampler.Resize(source, 6, 5, 9, 7, Interpolation.Bilinear)));
    }

    [Test]
    public void Target_of_wrong_length_is_rejected()
    {
        var source = RandomImage(4, 4, seed: 4);

        Assert.That(() => ImageResampler.Resize(source, 4, 4, 8, 8, Interpolation.Bilinear, new float[63]), Throws.ArgumentException.With.Message.Contains("needs 64 values"));
    }

    private static float[] RandomImage(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, rows * columns).Select(_ => (float)((random.NextDouble() * 4000) - 1000))];
    }

    private static double[] PerPixelBilinear(float[] source, int rows, int columns, int targetRows, int targetColumns)
    {
        var target = new double[targetRows * targetColumns];
        for (var r = 0; r < targetRows; r++)
        {
            var y = SourcePosition(r, rows, targetRows);
            var y0 = (int)Math.Floor(y);
            var y1 = Math.Min(y0 + 1, rows - 1);
            for (var c = 0; c < targetColumns; c++)
            {
                var x = SourcePosition(c, columns, targetColumns);
                var x0 = (int)Math.Floor(x);
                var x1 = Math.Min(x0 + 1, columns - 1);
                double At(int row, int column) => source[(row * columns) + column];
                var top = At(y0, x0) + ((At(y0, x1) - At(y0, x0)) * (x - x0));
                var bottom = At(y1, x0) + ((At(y1, x1) - At(y1, x0)) * (x - x0));
                target[(r * targetColumns) + c] = top + ((bottom - top) * (y - y0));
            }
        }

        return target;
    }

    private static double SourcePosition(int index, int size, int targetSize) =>
        Math.Clamp(((index + 0.5) * size / targetSize) - 0.5, 0.0, size - 1);

    private static double MaxDifference(float[] actual, double[] expected) =>
        actual.Select((value, i) => Math.Abs(value - expected[i])).Max();
}
