using Node.Inference.Packs;
using Node.Inference.Preprocessing;
using Node.Inference.Results;

namespace Node.Inference.Runtime;

/// <summary>Runs one batch of prepared images through the session and splits the outputs into image results.</summary>
internal sealed class BatchRunner
{
    private readonly ModelPack _pack;
    private readonly bool _includeHeatmaps;
    private readonly IReadOnlyList<int> _imageShape;
    private readonly int _imageLength;
    private readonly int _findingCount;
    private readonly string[] _outputNames;

    public BatchRunner(ModelPack pack, bool includeHeatmaps)
    {
        _pack = pack;
        var manifest = pack.Manifest;
        _includeHeatmaps = includeHeatmaps && manifest.Outputs.HeatmapTensor is not null;
        _imageShape = [.. manifest.Preprocessing.InputTensor.Shape.Skip(1)];
        _imageLength = _imageShape.Aggregate(1, (product, dimension) => product * dimension);
        _findingCount = manifest.Outputs.ProbabilityTensor.Shape[1];
        _outputNames = _includeHeatmaps
            ? [manifest.Outputs.ProbabilityTensor.Name, manifest.Outputs.HeatmapTensor!.Name]
            : [manifest.Outputs.ProbabilityTensor.Name];
    }

    /// <summary>Returns a buffer for the input of a full batch, which <see cref="Run"/> reuses batch after batch.</summary>
    public float[] CreateInputBuffer(int batchSize) => new float[batchSize * _imageLength];

    /// <param name="images">The batch, at most as many images as <paramref name="input"/> holds.</param>
    /// <param name="input">A buffer from <see cref="CreateInputBuffer"/>, overwritten; one caller at a time.</param>
    public ImageResult[] Run(IReadOnlyList<PreparedImage> images, float[] input)
    {
        for (var i = 0; i < images.Count; i++)
        {
            images[i].Tensor.CopyTo(input, i * _imageLength);
        }

        var manifest = _pack.Manifest;
        var outputs = _pack.Session.Run(manifest.Preprocessing.InputTensor.Name, _imageShape, input, images.Count, _outputNames);
        var probabilities = outputs[0];
        ExpectLength(manifest.Outputs.ProbabilityTensor, probabilities, images.Count * _findingCount);
        var heatmapShape = manifest.Outputs.HeatmapTensor?.Shape;
        var heatmapCells = heatmapShape is null ? 0 : heatmapShape[2] * heatmapShape[3];
        if (_includeHeatmaps)
        {
            ExpectLength(manifest.Outputs.HeatmapTensor!, outputs[1], images.Count * _findingCount * heatmapCells);
        }

        var results = new ImageResult[images.Count];
        for (var i = 0; i < images.Count; i++)
        {
            var findings = manifest.Findings
                .Select(finding => new FindingResult(
                    finding,
                    ReadProbability(probabilities[(i * _findingCount) + finding.OutputIndex], finding, images[i]),
                    _includeHeatmaps ? SliceHeatmap(outputs[1], i, finding.OutputIndex, heatmapShape!) : null))
                .ToArray();
            results[i] = new ImageResult(images[i].Image, findings, images[i].Measures);
        }

        return results;
    }

    private Heatmap SliceHeatmap(float[] heatmaps, int image, int channel, IReadOnlyList<int> shape)
    {
        var cells = shape[2] * shape[3];
        var start = ((image * _findingCount) + channel) * cells;
        return new Heatmap(shape[2], shape[3], heatmaps.AsSpan(start, cells).ToArray());
    }

    private Probability ReadProbability(float value, FindingDefinition finding, PreparedImage image)
    {
        if (!float.IsFinite(value) || value < 0f || value > 1f)
        {
            throw new ModelOutputException(
                $"Model pack {_pack.Identity.Name} {_pack.Identity.Version} produced {value:R} for finding {finding.Id} of instance {image.Image.SopInstanceUid}, which is not a probability from 0 to 1.");
        }

        return new Probability(value);
    }

    private void ExpectLength(TensorDeclaration tensor, float[] values, int expected)
    {
        if (values.Length != expected)
        {
            throw new ModelOutputException(
                $"Model pack {_pack.Identity.Name} {_pack.Identity.Version} output \"{tensor.Name}\" holds {values.Length} values; shape {tensor.ShapeText} for this batch needs {expected}.");
        }
    }
}
