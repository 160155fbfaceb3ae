using Node.Inference.Validation;

namespace Node.Inference.Preprocessing;

/// <summary>One image ready for the model: its input tensor without the batch axis, and what preprocessing measured.</summary>
public sealed record PreparedImage(ImageIdentity Image, float[] Tensor, ImageMeasures Measures);
