namespace Node.Inference.Runtime;

/// <summary>An output tensor of a run and the array ONNX Runtime writes it into, so the values need no copy after the run.</summary>
/// <param name="Name">The output tensor's name in model.onnx.</param>
/// <param name="Shape">The shape this run produces, batch axis first.</param>
/// <param name="Values">Exactly as many values as <paramref name="Shape"/> holds.</param>
public sealed record OutputBinding(string Name, long[] Shape, float[] Values);
