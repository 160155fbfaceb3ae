namespace Node.Inference.Packs;

public enum NormalizationMethod
{
    /// <summary>v × Scale + Offset.</summary>
    ScaleOffset,

    /// <summary>(v − Mean) / StandardDeviation.</summary>
    MeanStd,
}
