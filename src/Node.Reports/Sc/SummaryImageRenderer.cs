using Node.Inference.Results;
using Node.Reports.Localization;
using SkiaSharp;

namespace Node.Reports.Sc;

/// <summary>
/// Draws the summary image of a study. An analysed study gets a table of every finding with its
/// probability, decision threshold and decision, then the "any finding" row. A study not analysed
/// gets its reasons. Both end with the node's footer.
/// </summary>
internal sealed class SummaryImageRenderer
{
    public const int Width = 768;

    private static readonly SKColor RuleColor = new(90, 90, 90);

    private readonly ReportOptions _options;
    private readonly ReportFont _font;

    public SummaryImageRenderer(ReportOptions options, ReportFont font)
    {
        _options = options;
        _font = font;
    }

    public RgbImage Render(StudyResult result)
    {
        var language = _options.ReportLanguage;
        var title = new TextBand(_font, Width, [new TextLine(Title(result, language), TextBand.Foreground, Bold: true), new TextLine(LegendLines.ModelLabel(result.Model), TextBand.Foreground)]);
        var table = result is AnalysedStudyResult analysed ? new SummaryTable(_font, Width, analysed, language) : null;
        var reasons = result is NotAnalysedStudyResult notAnalysed
            ? new TextBand(_font, Width, notAnalysed.Reasons.Select(reason => new TextLine(ReasonTexts.Describe(reason, language), TextBand.Foreground)))
            : null;
        var footer = new TextBand(_font, Width, LegendLines.Footer(_options, result.Model, language));

        var height = title.Height + (table?.Height ?? 0) + (reasons?.Height ?? 0) + footer.Height;
        using var bitmap = new SKBitmap(new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(TextBand.Background);
            var top = 0f;
            title.Draw(canvas, top);
            top += title.Height;
            if (table is not null)
            {
                table.Draw(canvas, top, RuleColor);
                top += table.Height;
            }

            if (reasons is not null)
            {
                reasons.Draw(canvas, top);
                top += reasons.Height;
            }

            footer.Draw(canvas, top);
        }

        return SourcePixels.ToRgb(bitmap);
    }

    private static string Title(StudyResult result, ReportLanguage language) =>
        result is NotAnalysedStudyResult
            ? ReportTexts.Get(TextKey.SummaryTitle, language) + ": " + ReportTexts.Get(TextKey.NotAnalysedTitle, language)
            : ReportTexts.Get(TextKey.SummaryTitle, language);
}
