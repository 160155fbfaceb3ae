namespace Node.Inference.Packs;

/// <summary>The steps that turn an instance's pixel data into the model's input tensor, in order.</summary>
/// <param name="ApplyModalityLut">Whether stored values go through Rescale Slope and Intercept into modality units (HU for CT).</param>
/// <param name="VoiWindow">The VOI window that maps modality values to [0, 1].</param>
/// <param name="InvertMonochrome1">Whether MONOCHROME1 images are inverted so that 1 is always white.</param>
/// <param name="Interpolation">How the windowed image is resized to the input tensor's rows and columns.</param>
/// <param name="Normalization">The affine map from [0, 1] to the values the model expects.</param>
/// <param name="ChannelLayout">Where the channel axis sits in the input tensor.</param>
/// <param name="InputTensor">Name and shape of the model's input tensor.</param>
public sealed record PreprocessingSettings(
    bool ApplyModalityLut,
    VoiWindowSettings VoiWindow,
    bool InvertMonochrome1,
    Interpolation Interpolation,
    NormalizationSettings Normalization,
    ChannelLayout ChannelLayout,
    TensorDeclaration InputTensor)
{
    /// <summary>Rows of the input tensor's image, taken from its shape.</summary>
    public int InputRows => ChannelLayout == ChannelLayout.Nchw ? InputTensor.Shape[2] : InputTensor.Shape[1];

    /// <summary>Columns of the input tensor's image, taken from its shape.</summary>
    public int InputColumns => ChannelLayout == ChannelLayout.Nchw ? InputTensor.Shape[3] : InputTensor.Shape[2];
}
