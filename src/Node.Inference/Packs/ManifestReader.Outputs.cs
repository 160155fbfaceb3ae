namespace Node.Inference.Packs;

/// <summary>The Outputs section and the tensor declarations.</summary>
public static partial class ManifestReader
{
    private const int MaxFindingCount = 1024;
    private const int MaxHeatmapSide = 8192;

    private static OutputTensors? ReadOutputs(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var probabilityForm = $"[batch, findings] with batch -1 (dynamic) or 1, and findings from 1 to {MaxFindingCount}";
        var probabilities = ReadTensorObject(reader, "ProbabilityTensor", probabilityForm, 2, required: true, (axis, value) => axis switch
        {
            0 => IsBatchDimension(value),
            _ => value is >= 1 and <= MaxFindingCount,
        });

        var findings = probabilities?.Shape[1];
        var heatmapForm = $"[batch, findings, rows, columns] with batch -1 (dynamic) or 1, findings as in ProbabilityTensor ({findings?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}), and rows and columns from 1 to {MaxHeatmapSide}";
        var heatmaps = ReadTensorObject(reader, "HeatmapTensor", heatmapForm, 4, required: false, (axis, value) => axis switch
        {
            0 => IsBatchDimension(value),
            1 => value == findings,
            _ => value is >= 1 and <= MaxHeatmapSide,
        });
        reader.ReportUnknownKeys();

        return probabilities is null ? null : new OutputTensors(probabilities, heatmaps);
    }

    private static TensorDeclaration? ReadTensorObject(
        JsonObjectReader parent,
        string key,
        string shapeForm,
        int rank,
        bool required,
        Func<int, int, bool> isValidDimension)
    {
        var reader = parent.Object(key, "an object with Name and Shape", required);
        return reader is null ? null : ReadTensor(reader, shapeForm, rank, isValidDimension);
    }

    private static TensorDeclaration? ReadTensor(JsonObjectReader reader, string shapeForm, int rank, Func<int, int, bool> isValidDimension)
    {
        var name = reader.String("Name", "a tensor name of 1 to 256 characters", text => text.Length is > 0 and <= 256);
        var items = reader.Array("Shape", rank, shapeForm);
        reader.ReportUnknownKeys();
        if (items is null)
        {
            return null;
        }

        var shape = new List<int>();
        foreach (var (element, path) in items)
        {
            var value = reader.ReadInteger(element, path, int.MinValue, int.MaxValue, "an integer");
            if (value is null)
            {
                return null;
            }

            shape.Add(value.Value);
        }

        if (shape.Count != rank || shape.Where((value, axis) => !isValidDimension(axis, value)).Any())
        {
            reader.AddError(ManifestErrorKind.Invalid, reader.KeyPath("Shape"), "[" + string.Join(", ", shape) + "]", shapeForm);
            return null;
        }

        return name is null ? null : new TensorDeclaration(name, shape);
    }

    private static bool IsBatchDimension(int value) => value is TensorDeclaration.DynamicDimension or 1;
}
