using Node.Inference.Results;
using Node.Reports.Localization;
using SkiaSharp;

namespace Node.Reports.Sc;

/// <summary>The findings table of the summary image: a header row, one row per finding, then the "any finding" row.</summary>
internal sealed class SummaryTable
{
    private const float PreferredFontSize = 20f;
    private const float MinFontSize = 14f;
    private const float Margin = 12f;

    /// <summary>Space between columns, in font sizes.</summary>
    private const float ColumnGap = 1.2f;

    private readonly ReportFont _font;
    private readonly int _width;
    private readonly List<(string[] Cells, bool Bold, SKColor? Swatch)> _rows = [];

    public SummaryTable(ReportFont font, int width, AnalysedStudyResult result, ReportLanguage language)
    {
        _font = font;
        _width = width;
        _rows.Add(([
            ReportTexts.Get(TextKey.ColumnFinding, language), ReportTexts.Get(TextKey.ColumnProbability, language),
            ReportTexts.Get(TextKey.ColumnDecisionThreshold, language), ReportTexts.Get(TextKey.ColumnDecision, language),
        ], true, null));
        for (var i = 0; i < result.Findings.Count; i++)
        {
            var finding = result.Findings[i];
            _rows.Add(([
                finding.Finding.DisplayNames.For(language.ToCode()),
                Number(finding.Probability, language),
                Number(finding.Finding.DecisionThreshold, language),
                DisplayFormat.Decision(finding.MeetsDecisionThreshold, language),
            ], finding.MeetsDecisionThreshold, FindingColors.For(i)));
        }

        _rows.Add(([result.AnyFinding.Definition.DisplayNames.For(language.ToCode()), string.Empty, string.Empty, DisplayFormat.Decision(result.AnyFinding.IsPresent, language)], true, null));
    }

    /// <summary>The font size at which every column fits the width, from 20 px down to 14 px.</summary>
    private float FontSize => Math.Max(MinFontSize, Math.Min(PreferredFontSize, PreferredFontSize * (_width - (2 * Margin)) / TableWidth(PreferredFontSize)));

    private float RowHeight => FontSize * 1.6f;

    public int Height => (int)MathF.Ceiling((_rows.Count * RowHeight) + (2 * Margin));

    public void Draw(SKCanvas canvas, float top, SKColor ruleColor)
    {
        var fontSize = FontSize;
        using var regular = new SKFont(_font.Regular, fontSize) { Edging = SKFontEdging.Antialias };
        using var bold = new SKFont(_font.Bold, fontSize) { Edging = SKFontEdging.Antialias };
        using var text = new SKPaint { Color = TextBand.Foreground, IsAntialias = true };
        using var rule = new SKPaint { Color = ruleColor, StrokeWidth = 1 };
        var columnStarts = ColumnStarts(fontSize);
        var y = top + Margin;
        foreach (var (cells, isBold, swatch) in _rows)
        {
            var baseline = y + fontSize + ((RowHeight - fontSize) / 2) - 4;
            var swatchSpace = 0f;
            if (swatch is { } color)
            {
                using var swatchPaint = new SKPaint { Color = color };
                canvas.DrawRect(SKRect.Create(Margin, baseline - (fontSize * 0.8f), fontSize * 0.8f, fontSize * 0.8f), swatchPaint);
                swatchSpace = fontSize * 1.2f;
            }

            for (var column = 0; column < cells.Length; column++)
            {
                var left = Margin + columnStarts[column] + (column == 0 ? swatchSpace : 0);
                canvas.DrawText(cells[column], left, baseline, SKTextAlign.Left, isBold ? bold : regular, text);
            }

            y += RowHeight;
            canvas.DrawLine(Margin, y, _width - Margin, y, rule);
        }
    }

    /// <summary>Returns the left edge of each column, from the widest cell of each column in bold at <paramref name="fontSize"/>.</summary>
    private float[] ColumnStarts(float fontSize)
    {
        using var bold = new SKFont(_font.Bold, fontSize);
        var columns = _rows[0].Cells.Length;
        var starts = new float[columns];
        for (var column = 1; column < columns; column++)
        {
            var widest = _rows.Max(row => bold.MeasureText(row.Cells[column - 1]) + (column == 1 && row.Swatch is not null ? fontSize * 1.2f : 0f));
            starts[column] = starts[column - 1] + widest + (fontSize * ColumnGap);
        }

        return starts;
    }

    private float TableWidth(float fontSize)
    {
        using var bold = new SKFont(_font.Bold, fontSize);
        var starts = ColumnStarts(fontSize);
        return starts[^1] + _rows.Max(row => bold.MeasureText(row.Cells[^1]));
    }

    /// <summary>A probability as a percent with one decimal, without the sign: the column header says "%".</summary>
    private static string Number(Probability probability, ReportLanguage language) =>
        DisplayFormat.Percent(probability, language).Replace(" %", string.Empty, StringComparison.Ordinal);
}
