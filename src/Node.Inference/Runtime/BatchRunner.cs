using System.Runtime.InteropServices;
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
    private readonly int _heatmapRows;
    private readonly int _heatmapColumns;

    public BatchRunner(ModelPack pack, bool includeHeatmaps)
    {
        _pack = pack;
        var manifest = pack.Manifest;
        _includeHeatmaps = includeHeatmaps && manifest.Outputs.HeatmapTensor is not null;
        _imageShape = [.. manifest.Preprocessing.InputTensor.Shape.Skip(1)];
        _imageLength = _imageShape.Aggregate(1, (product, dimension) => product * dimension);
        _findingCount = manifest.Outputs.ProbabilityTensor.Shape[1];
        _heatmapRows = manifest.Outputs.HeatmapTensor?.Shape[2] ?? 0;
        _heatmapColumns = manifest.Outputs.HeatmapTensor?.Shape[3] ?? 0;
        _outputNames = _includeHeatmaps
            ? [manifest.Outputs.ProbabilityTensor.Name, manifest.Outputs.HeatmapTensor!.Name]
            : [manifest.Outputs.ProbabilityTensor.Name];
    }

    /// <summary>Returns a buffer for the input of a full batch, which <see cref="Run"/> reuses batch after batch.</summary>
    public float[] CreateInputBuffer(int batchSize) => new float[batchSize * _imageLength];

    /// <param name="images">The batch, at most as many images as <paramref name="input"/> holds.</param>
    /// <param name="input">A buffer from <see cref="CreateInputBuffer"/>, overwritten; one caller at a time. An image whose tensor already sits at its place in it is not copied.</param>
    public ImageResult[] Run(IReadOnlyList<PreparedImage> images, float[] input)
    {
        for (var i = 0; i < images.Count; i++)
        {
            if (!IsInPlace(images[i].Tensor, input, i))
            {
                images[i].Tensor.Span.CopyTo(input.AsSpan(i * _imageLength, _imageLength));
            }
        }

        // The model writes straight into these arrays, every value of them, so they are not
        // cleared first. The results' heatmaps are slices of the second one, so it is a new
        // array for every batch.
        var manifest = _pack.Manifest;
        var probabilities = new OutputBinding(_outputNames[0], [images.Count, _findingCount], GC.AllocateUninitializedArray<float>(images.Count * _findingCount));
        var heatmaps = _includeHeatmaps
            ? new OutputBinding(_outputNames[1], [images.Count, _findingCount, _heatmapRows, _heatmapColumns], GC.AllocateUninitializedArray<float>(images.Count * _findingCount * _heatmapRows * _heatmapColumns))
            : null;
        _pack.Session.Run(manifest.Preprocessing.InputTensor.Name, _imageShape, input, images.Count, heatmaps is null ? [probabilities] : [probabilities, heatmaps]);

        var results = new ImageResult[images.Count];
        for (var i = 0; i < images.Count; i++)
        {
            var findings = new FindingResult[manifest.Findings.Count];
            for (var f = 0; f < findings.Length; f++)
            {
                var finding = manifest.Findings[f];
                var probability = ReadProbability(probabilities.Values[(i * _findingCount) + finding.OutputIndex], finding, images[i]);
                findings[f] = new FindingResult(finding, probability, heatmaps is null ? null : SliceHeatmap(heatmaps.Values, i, finding.OutputIndex));
            }

            results[i] = new ImageResult(images[i].Image, findings, images[i].Measures);
        }

        return results;
    }

    /// <summary>Returns whether the tensor is image <paramref name="index"/>'s place in <paramref name="input"/>, where the preprocessor wrote it.</summary>
    private bool IsInPlace(ReadOnlyMemory<float> tensor, float[] input, int index) =>
        MemoryMarshal.TryGetArray(tensor, out var segment)
        && ReferenceEquals(segment.Array, input)
        && segment.Offset == index * _imageLength
        && segment.Count == _imageLength;

    private Heatmap SliceHeatmap(float[] heatmaps, int image, int channel)
    {
        var cells = _heatmapRows * _heatmapColumns;
        var start = ((image * _findingCount) + channel) * cells;
        return new Heatmap(_heatmapRows, _heatmapColumns, heatmaps.AsMemory(start, cells));
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
}
