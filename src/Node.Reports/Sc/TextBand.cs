using SkiaSharp;

namespace Node.Reports.Sc;

/// <summary>
/// Lays out lines of text on a dark band: long lines wrap at spaces, and each line leaves room for
/// a colour swatch where it has one. The font size scales with the image width so text reads at
/// viewer size: 15 px on a 512-pixel-wide image, and never below 14 px.
/// </summary>
internal sealed class TextBand
{
    public static readonly SKColor Background = new(16, 16, 16);
    public static readonly SKColor Foreground = new(235, 235, 235);
    public static readonly SKColor Caution = new(255, 200, 60);

    private const float MinFontSize = 14f;
    private const float FontSizePer512Pixels = 15f;
    private const float LineSpacing = 1.35f;

    private readonly ReportFont _font;
    private readonly float _width;
    private readonly List<(TextLine Line, string Text, bool First)> _rows = [];

    public TextBand(ReportFont font, int width, IEnumerable<TextLine> lines)
    {
        _font = font;
        _width = width;
        FontSize = Math.Max(MinFontSize, MathF.Round(width * FontSizePer512Pixels / 512f));
        Margin = FontSize * 0.6f;
        foreach (var line in lines)
        {
            var first = true;
            foreach (var part in Wrap(line))
            {
                _rows.Add((line, part, first));
                first = false;
            }
        }
    }

    public float FontSize { get; }

    public float Margin { get; }

    public float LineHeight => FontSize * LineSpacing;

    /// <summary>The band's height in pixels, margins included.</summary>
    public int Height => (int)MathF.Ceiling((_rows.Count * LineHeight) + (2 * Margin));

    public void Draw(SKCanvas canvas, float top)
    {
        using var background = new SKPaint { Color = Background };
        canvas.DrawRect(new SKRect(0, top, _width, top + Height), background);

        var baseline = top + Margin + FontSize;
        foreach (var (line, text, first) in _rows)
        {
            using var font = Font(line.Bold);
            using var paint = new SKPaint { Color = line.Color, IsAntialias = true };
            var left = Margin + SwatchSpace(line);
            if (line.Swatch is { } swatch && first)
            {
                using var swatchPaint = new SKPaint { Color = swatch };
                var size = FontSize * 0.8f;
                canvas.DrawRect(SKRect.Create(Margin, baseline - size, size, size), swatchPaint);
            }

            canvas.DrawText(text, left, baseline, SKTextAlign.Left, font, paint);
            baseline += LineHeight;
        }
    }

    private SKFont Font(bool bold) => new(bold ? _font.Bold : _font.Regular, FontSize) { Edging = SKFontEdging.Antialias, Subpixel = false };

    private float SwatchSpace(TextLine line) => line.Swatch is null ? 0f : FontSize * 1.3f;

    /// <summary>Splits a line at spaces so that each part fits the band's width.</summary>
    private IEnumerable<string> Wrap(TextLine line)
    {
        using var font = Font(line.Bold);
        var available = _width - (2 * Margin) - SwatchSpace(line);
        var current = string.Empty;
        foreach (var word in line.Text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && font.MeasureText(candidate) > available)
            {
                yield return current;
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        yield return current;
    }
}
