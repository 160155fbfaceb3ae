namespace Node.Inference.Packs;

/// <summary>How an image is resampled to the input tensor's size; both use pixel centres (half-pixel offsets).</summary>
public enum Interpolation
{
    /// <summary>Weighted mean of the four nearest source pixels.</summary>
    Bilinear,

    /// <summary>The nearest source pixel.</summary>
    Nearest,
}
