namespace Node.Inference.Runtime;

/// <summary>The ONNX model produced an output that breaks its manifest, such as a probability outside [0, 1] or NaN.</summary>
public sealed class ModelOutputException : Exception
{
    public ModelOutputException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
