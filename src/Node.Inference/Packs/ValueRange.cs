using System.Globalization;

namespace Node.Inference.Packs;

/// <summary>An inclusive range of real numbers.</summary>
public sealed record ValueRange(double Min, double Max)
{
    public bool Contains(double value) => value >= Min && value <= Max;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Min:R} to {Max:R}");
}
