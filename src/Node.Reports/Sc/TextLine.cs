using SkiaSharp;

namespace Node.Reports.Sc;

/// <summary>One line of a text band: its text, colour, weight, and an optional colour swatch before it.</summary>
internal sealed record TextLine(string Text, SKColor Color, bool Bold = false, SKColor? Swatch = null);
