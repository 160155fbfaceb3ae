namespace Node.Inference.Packs;

/// <summary>
/// The map from a windowed value v in [0, 1] to the model's input: v × Scale + Offset, or
/// (v − Mean) / StandardDeviation. The fields of the other method are null.
/// </summary>
public sealed record NormalizationSettings(
    NormalizationMethod Method,
    double? Scale,
    double? Offset,
    double? Mean,
    double? StandardDeviation)
{
    /// <summary>Returns the factor a of the equivalent map v × a + b.</summary>
    public double Factor => Method == NormalizationMethod.ScaleOffset ? Scale!.Value : 1.0 / StandardDeviation!.Value;

    /// <summary>Returns the term b of the equivalent map v × a + b.</summary>
    public double Term => Method == NormalizationMethod.ScaleOffset ? Offset!.Value : -Mean!.Value / StandardDeviation!.Value;
}
