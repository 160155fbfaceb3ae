using System.Numerics;

namespace Node.Dicom.Imaging;

/// <summary>
/// Converts YBR_FULL samples to RGB by inverting the PS3.3 C.7.6.3.1.2 equations
/// Y = .2990R + .5870G + .1140B, Cb = -.1687R - .3313G + .5000B + 128,
/// Cr = .5000R - .4187G - .0813B + 128. The inverse below is exact for the luma weights
/// .299, .587 and .114 from which the standard's rounded chroma coefficients derive.
/// </summary>
internal static class YbrFullToRgb
{
    private const double LumaRed = 0.299;
    private const double LumaGreen = 0.587;
    private const double LumaBlue = 0.114;

    private const double RedFromCr = 2 * (1 - LumaRed);
    private const double BlueFromCb = 2 * (1 - LumaBlue);
    private const double GreenFromCb = LumaBlue * BlueFromCb / LumaGreen;
    private const double GreenFromCr = LumaRed * RedFromCr / LumaGreen;

    private const int ColorSamples = 3;

    /// <summary>
    /// Converts interleaved Y Cb Cr triplets to R G B in place, rounding to the nearest integer
    /// and clamping to 0 to 2^bitsStored - 1. The chroma offset is half the range: 128 for
    /// 8-bit samples, as the standard's equations give.
    /// </summary>
    public static void ConvertInPlace<T>(Span<T> samples, int bitsStored)
        where T : unmanaged, IBinaryInteger<T>
    {
        var max = (double)((1L << bitsStored) - 1);
        var offset = (double)(1L << (bitsStored - 1));
        for (var i = 0; i + ColorSamples <= samples.Length; i += ColorSamples)
        {
            var y = double.CreateTruncating(samples[i]);
            var cb = double.CreateTruncating(samples[i + 1]) - offset;
            var cr = double.CreateTruncating(samples[i + 2]) - offset;
            samples[i] = ToSample<T>(y + (RedFromCr * cr), max);
            samples[i + 1] = ToSample<T>(y - (GreenFromCb * cb) - (GreenFromCr * cr), max);
            samples[i + 2] = ToSample<T>(y + (BlueFromCb * cb), max);
        }
    }

    private static T ToSample<T>(double value, double max)
        where T : unmanaged, IBinaryInteger<T>
    {
        var rounded = Math.Floor(value + 0.5);
        return T.CreateTruncating(Math.Clamp(rounded, 0, max));
    }
}
