using SkiaSharp;

namespace Node.Reports.Sc;

/// <summary>The overlay colour of each finding, by its position in the model pack; the legend shows the same colour.</summary>
internal static class FindingColors
{
    /// <summary>Saturated hues that stay apart on grey pixels and on each other.</summary>
    private static readonly SKColor[] Palette =
    [
        new(255, 64, 64),
        new(64, 200, 255),
        new(255, 210, 0),
        new(200, 90, 255),
        new(80, 230, 120),
        new(255, 140, 0),
        new(255, 100, 200),
        new(160, 160, 255),
    ];

    public static SKColor For(int findingIndex) => Palette[findingIndex % Palette.Length];
}
