namespace Node.Inference.Packs;

/// <summary>A tensor of the ONNX model as the manifest declares it; -1 in the shape marks the dynamic batch axis.</summary>
public sealed record TensorDeclaration(string Name, IReadOnlyList<int> Shape)
{
    public const int DynamicDimension = -1;

    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
