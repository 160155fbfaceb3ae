namespace Node.Inference.Packs;

/// <summary>Axis order of the single-channel input tensor.</summary>
public enum ChannelLayout
{
    /// <summary>[batch, channel, rows, columns].</summary>
    Nchw,

    /// <summary>[batch, rows, columns, channel].</summary>
    Nhwc,
}
