using Node.Reports.Sc;
using SkiaSharp;

namespace Node.Reports.Tests.Support;

/// <summary>Reads and writes PNG files as <see cref="RgbImage"/>, and compares two pictures.</summary>
internal static class PngImages
{
    public static RgbImage Read(string path)
    {
        using var decoded = SKBitmap.Decode(path) ?? throw new InvalidDataException($"{path} is not a readable image.");
        using var rgba = decoded.Copy(SKColorType.Rgba8888);
        var span = rgba.GetPixelSpan();
        var rgb = new byte[rgba.Width * rgba.Height * 3];
        for (var i = 0; i < rgba.Width * rgba.Height; i++)
        {
            rgb[(i * 3) + 0] = span[(i * 4) + 0];
            rgb[(i * 3) + 1] = span[(i * 4) + 1];
            rgb[(i * 3) + 2] = span[(i * 4) + 2];
        }

        return new RgbImage(rgba.Height, rgba.Width, rgb);
    }

    public static void Write(RgbImage image, string path)
    {
        var rgba = new byte[image.Rows * image.Columns * 4];
        for (var i = 0; i < image.Rows * image.Columns; i++)
        {
            rgba[(i * 4) + 0] = image.Pixels[(i * 3) + 0];
            rgba[(i * 4) + 1] = image.Pixels[(i * 3) + 1];
            rgba[(i * 4) + 2] = image.Pixels[(i * 3) + 2];
            rgba[(i * 4) + 3] = byte.MaxValue;
        }

        using var bitmap = new SKBitmap(new SKImageInfo(image.Columns, image.Rows, SKColorType.Rgba8888, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    /// <summary>Returns the fraction of samples that differ by more than <paramref name="tolerance"/> levels.</summary>
    public static double DifferingFraction(RgbImage expected, RgbImage actual, int tolerance)
    {
        var differing = 0;
        for (var i = 0; i < expected.Pixels.Length; i++)
        {
            if (Math.Abs(expected.Pixels[i] - actual.Pixels[i]) > tolerance)
            {
                differing++;
            }
        }

        return (double)differing / expected.Pixels.Length;
    }
}
