using System.Runtime.InteropServices;
using Node.Dicom.Imaging;
using Node.Inference.Preprocessing;
using SkiaSharp;

namespace Node.Reports.Sc;

/// <summary>Turns one frame of a source instance into a picture: grayscale through the model's VOI window, colour as it is.</summary>
internal static class SourcePixels
{
    private const int RgbaBytes = 4;

    /// <param name="source">The instance.</param>
    /// <param name="window">The VOI window preprocessing used.</param>
    /// <param name="frameIndex">The frame, from 0; the model's image results number frames from 1.</param>
    /// <exception cref="Node.Dicom.Errors.DicomPixelDataException">The pixel data cannot be decoded.</exception>
    public static SKBitmap Render(SourceInstance source, VoiWindow window, int frameIndex = 0)
    {
        var pixelData = DicomPixelData.Create(source.Dataset, source.TransferSyntax);
        var rgba = pixelData.IsGrayscale ? Grayscale(pixelData, window, frameIndex) : Color(pixelData, frameIndex);
        return ToBitmap(pixelData.Rows, pixelData.Columns, rgba);
    }

    /// <summary>
    /// Windows modality values as preprocessing did, then inverts MONOCHROME1, so the picture
    /// shows what the model saw: white is the window's top for MONOCHROME2.
    /// </summary>
    private static byte[] Grayscale(DicomPixelData pixelData, VoiWindow window, int frameIndex)
    {
        var values = pixelData.GetModalityFrame(frameIndex);
        var rgba = new byte[values.Length * RgbaBytes];
        for (var i = 0; i < values.Length; i++)
        {
            var level = window.Apply(values[i]);
            if (pixelData.IsMonochrome1)
            {
                level = 1.0 - level;
            }

            var gray = (byte)Math.Round(level * byte.MaxValue);
            rgba[(i * RgbaBytes) + 0] = gray;
            rgba[(i * RgbaBytes) + 1] = gray;
            rgba[(i * RgbaBytes) + 2] = gray;
            rgba[(i * RgbaBytes) + 3] = byte.MaxValue;
        }

        return rgba;
    }

    private static byte[] Color(DicomPixelData pixelData, int frameIndex)
    {
        var rgb = pixelData.GetRgbFrame(frameIndex);
        var pixels = rgb.Length / RgbImage.SamplesPerPixel;
        var rgba = new byte[pixels * RgbaBytes];
        for (var i = 0; i < pixels; i++)
        {
            rgba[(i * RgbaBytes) + 0] = rgb[(i * 3) + 0];
            rgba[(i * RgbaBytes) + 1] = rgb[(i * 3) + 1];
            rgba[(i * RgbaBytes) + 2] = rgb[(i * 3) + 2];
            rgba[(i * RgbaBytes) + 3] = byte.MaxValue;
        }

        return rgba;
    }

    public static SKBitmap ToBitmap(int rows, int columns, byte[] rgba, SKAlphaType alpha = SKAlphaType.Opaque)
    {
        var bitmap = new SKBitmap(new SKImageInfo(columns, rows, SKColorType.Rgba8888, alpha));
        Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        return bitmap;
    }

    /// <summary>Returns the canvas's pixels as RGB bytes, dropping alpha; every canvas the node draws is opaque.</summary>
    public static RgbImage ToRgb(SKBitmap bitmap)
    {
        var rgba = bitmap.GetPixelSpan();
        var pixels = bitmap.Width * bitmap.Height;
        var rgb = new byte[pixels * RgbImage.SamplesPerPixel];
        for (var i = 0; i < pixels; i++)
        {
            rgb[(i * 3) + 0] = rgba[(i * RgbaBytes) + 0];
            rgb[(i * 3) + 1] = rgba[(i * RgbaBytes) + 1];
            rgb[(i * 3) + 2] = rgba[(i * RgbaBytes) + 2];
        }

        return new RgbImage(bitmap.Height, bitmap.Width, rgb);
    }
}
