using Node.Inference.Results;
using Node.Reports.Localization;
using SkiaSharp;

namespace Node.Reports.Sc;

/// <summary>
/// Draws a key image: the source pixels through the model's window, the heatmaps of the findings
/// it was chosen for, and below it a dark band with the legend and the node's footer.
/// </summary>
internal sealed class KeyImageRenderer
{
    /// <summary>Images narrower than this are enlarged, so legend text stays readable beside them.</summary>
    public const int MinDisplayWidth = 512;

    /// <summary>Images wider than this are reduced; a mammogram of 3000 columns would make an SC of tens of megabytes.</summary>
    public const int MaxDisplayWidth = 1024;

    private readonly ReportOptions _options;
    private readonly ReportFont _font;

    public KeyImageRenderer(ReportOptions options, ReportFont font)
    {
        _options = options;
        _font = font;
    }

    public RgbImage Render(KeyImage keyImage, AnalysedStudyResult result)
    {
        var language = _options.ReportLanguage;
        using var source = SourcePixels.Render(keyImage.Source, keyImage.Image.Measures.Window, (keyImage.Image.Image.FrameNumber ?? 1) - 1);
        var width = Math.Clamp(source.Width, MinDisplayWidth, MaxDisplayWidth);
        var imageHeight = (int)Math.Round(source.Height * (double)width / source.Width);

        var band = new TextBand(_font, width, Lines(keyImage, result, language));
        using var canvasBitmap = new SKBitmap(new SKImageInfo(width, imageHeight + band.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(canvasBitmap))
        {
            canvas.Clear(SKColors.Black);
            var imageRect = new SKRect(0, 0, width, imageHeight);
            var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None);
            using (var image = SKImage.FromBitmap(source))
            {
                canvas.DrawImage(image, imageRect, sampling);
            }

            DrawOverlays(canvas, keyImage, result, imageRect, sampling);
            band.Draw(canvas, imageHeight);
        }

        return SourcePixels.ToRgb(canvasBitmap);
    }

    private void DrawOverlays(SKCanvas canvas, KeyImage keyImage, AnalysedStudyResult result, SKRect imageRect, SKSamplingOptions sampling)
    {
        foreach (var finding in keyImage.OverlayFindings.Where(finding => finding.Heatmap is not null))
        {
            var index = IndexOf(result, finding.Finding.Id);
            using var layer = HeatmapOverlay.Render(finding.Heatmap!, FindingColors.For(index), _options.OverlayMinHeatmapValue, _options.OverlayMaxOpacity);
            using var image = SKImage.FromBitmap(layer);
            canvas.DrawImage(image, imageRect, sampling);
        }
    }

    private IEnumerable<TextLine> Lines(KeyImage keyImage, AnalysedStudyResult result, ReportLanguage language)
    {
        var drawn = keyImage.OverlayFindings.Where(finding => finding.Heatmap is not null).ToList();
        var overlay = drawn.Count == 0
            ? ReportTexts.Get(TextKey.NoOverlay, language)
            : ReportTexts.Format(TextKey.OverlayOf, language, string.Join(", ", drawn.Select(finding => finding.Finding.DisplayNames.For(language.ToCode()))));
        yield return new TextLine(ReportTexts.Get(TextKey.KeyImageTitle, language) + ". " + overlay, TextBand.Foreground, Bold: true);
        foreach (var line in LegendLines.Findings(result, language))
        {
            yield return line;
        }

        foreach (var line in LegendLines.Footer(_options, result.Model, language))
        {
            yield return line;
        }
    }

    private static int IndexOf(AnalysedStudyResult result, string findingId)
    {
        for (var i = 0; i < result.Findings.Count; i++)
        {
            if (result.Findings[i].Finding.Id == findingId)
            {
                return i;
            }
        }

        return 0;
    }
}
