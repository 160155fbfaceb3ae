using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Node.Inference.Packs;

/// <summary>Compares the tensors a manifest declares with those the ONNX model declares.</summary>
internal static class OnnxSignatureCheck
{
    private const string InputPath = "$.Preprocessing.InputTensor";
    private const string ProbabilityPath = "$.Outputs.ProbabilityTensor";
    private const string HeatmapPath = "$.Outputs.HeatmapTensor";

    public static IReadOnlyList<ManifestError> Check(
        ModelManifest manifest,
        IReadOnlyDictionary<string, NodeMetadata> inputs,
        IReadOnlyDictionary<string, NodeMetadata> outputs)
    {
        var errors = new List<ManifestError>();
        var input = manifest.Preprocessing.InputTensor;
        CheckTensor(input, inputs, InputPath, "inputs", errors);
        if (inputs.Count > 1)
        {
            errors.Add(new ManifestError(ManifestErrorKind.ModelMismatch, $"{InputPath}.Name", Quote(input.Name), $"a model with this one input; model.onnx has {inputs.Count}: {NameList(inputs)}"));
        }

        CheckTensor(manifest.Outputs.ProbabilityTensor, outputs, ProbabilityPath, "outputs", errors);
        if (manifest.Outputs.HeatmapTensor is { } heatmap)
        {
            CheckTensor(heatmap, outputs, HeatmapPath, "outputs", errors);
        }

        return errors;
    }

    private static void CheckTensor(TensorDeclaration declared, IReadOnlyDictionary<string, NodeMetadata> actual, string path, string kind, List<ManifestError> errors)
    {
        if (!actual.TryGetValue(declared.Name, out var metadata))
        {
            errors.Add(new ManifestError(ManifestErrorKind.ModelMismatch, $"{path}.Name", Quote(declared.Name), $"one of the model's {kind}: {NameList(actual)}"));
            return;
        }

        if (!metadata.IsTensor || metadata.ElementDataType != TensorElementType.Float)
        {
            var type = metadata.IsTensor ? metadata.ElementDataType.ToString() : metadata.OnnxValueType.ToString();
            errors.Add(new ManifestError(ManifestErrorKind.ModelMismatch, $"{path}.Name", $"{Quote(declared.Name)} of type {type}", "a float32 tensor"));
            return;
        }

        var modelShape = metadata.Dimensions.Select(dimension => dimension < 0 ? TensorDeclaration.DynamicDimension : dimension).ToArray();
        if (!modelShape.SequenceEqual(declared.Shape))
        {
            errors.Add(new ManifestError(ManifestErrorKind.ModelMismatch, $"{path}.Shape", declared.ShapeText, $"[{string.Join(", ", modelShape)}] as model.onnx declares (-1 marks a dynamic axis)"));
        }
    }

    private static string NameList(IReadOnlyDictionary<string, NodeMetadata> tensors) =>
        string.Join(", ", tensors.Keys.Select(Quote));

    private static string Quote(string name) => $"\"{name}\"";
}
