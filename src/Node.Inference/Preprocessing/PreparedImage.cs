using Node.Inference.Validation;

namespace Node.Inference.Preprocessing;

/// <summary>One image ready for the model: its input tensor without the batch axis, and what preprocessing measured.</summary>
/// <param name="Image">Which instance and frame.</param>
/// <param name="Tensor">The model's input values. On the CPU path they are at the image's place in the batch's input buffer.</param>
/// <param name="Measures">What preprocessing measured.</param>
public sealed record PreparedImage(ImageIdentity Image, ReadOnlyMemory<float> Tensor, ImageMeasures Measures);
