using Node.Inference.Results;
using SkiaSharp;

namespace Node.Reports.Sc;

/// <summary>
/// Turns a heatmap into a semi-transparent layer of one colour: cells below the minimum value
/// stay clear, and opacity grows with the value up to the maximum opacity at 1. The layer covers
/// the whole image, as the heatmap covers the whole model input.
/// </summary>
internal static class HeatmapOverlay
{
    public static SKBitmap Render(Heatmap heatmap, SKColor color, double minValue, double maxOpacity)
    {
        var rgba = new byte[heatmap.Rows * heatmap.Columns * 4];
        var span = Math.Max(1e-9, 1.0 - minValue);
        var values = heatmap.Values.Span;
        for (var i = 0; i < values.Length && i < heatmap.Rows * heatmap.Columns; i++)
        {
            var value = values[i];
            var strength = float.IsFinite(value) && value >= minValue ? Math.Clamp((value - minValue) / span, 0.0, 1.0) : 0.0;
            rgba[(i * 4) + 0] = color.Red;
            rgba[(i * 4) + 1] = color.Green;
            rgba[(i * 4) + 2] = color.Blue;
            rgba[(i * 4) + 3] = (byte)Math.Round(strength * maxOpacity * byte.MaxValue);
        }

        return SourcePixels.ToBitmap(heatmap.Rows, heatmap.Columns, rgba, SKAlphaType.Unpremul);
    }
}
