using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Node.Dicom.Data;
using Node.Inference.Imaging;
using Node.Inference.Packs;
using Node.Inference.Preprocessing;

namespace Node.Benchmarks;

/// <summary>
/// The lower bound for the node's path: ONNX Runtime's <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// on input tensors prepared once by the node's preprocessor, batched as the node batches them.
/// Only the Run calls are timed.
/// </summary>
internal sealed class RawOnnxRun : IDisposable
{
    /// <summary>The session option the node sets, so both sides run with the same thread pool behaviour.</summary>
    private const string AllowSpinningKey = "session.intra_op.allow_spinning";

    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly List<(float[] Input, long[] Shape)> _batches = [];
    private readonly string _inputName;
    private readonly string[] _outputNames;

    public RawOnnxRun(ModelPack pack, int batchSize, IReadOnlyList<DicomDataset> instances)
    {
        _options = new SessionOptions();
        _options.AddSessionConfigEntry(AllowSpinningKey, "0");
        _session = new InferenceSession(File.ReadAllBytes(Path.Combine(pack.Directory, ModelPackLoader.ModelFileName)), _options);

        var manifest = pack.Manifest;
        _inputName = manifest.Preprocessing.InputTensor.Name;
        _outputNames = manifest.Outputs.HeatmapTensor is { } heatmap
            ? [manifest.Outputs.ProbabilityTensor.Name, heatmap.Name]
            : [manifest.Outputs.ProbabilityTensor.Name];
        PrepareBatches(new ImagePreprocessor(manifest, new DicomPixelDataDecoder()), manifest, batchSize, instances);
    }

    public int ImageCount { get; private set; }

    /// <summary>Returns the wall time of running every batch once.</summary>
    public TimeSpan Time()
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var (input, shape) in _batches)
        {
            using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, [_inputName], [value], _outputNames);
        }

        return stopwatch.Elapsed;
    }

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }

    private void PrepareBatches(ImagePreprocessor preprocessor, ModelManifest manifest, int batchSize, IReadOnlyList<DicomDataset> instances)
    {
        var prepared = instances.Select(preprocessor.Prepare).Where(outcome => outcome.Prepared is not null).Select(outcome => outcome.Prepared!.Tensor.ToArray()).ToList();
        ImageCount = prepared.Count;
        var imageShape = manifest.Preprocessing.InputTensor.Shape.Skip(1).Select(dimension => (long)dimension).ToArray();
        var imageLength = (int)imageShape.Aggregate(1L, (product, dimension) => product * dimension);
        foreach (var chunk in prepared.Chunk(batchSize))
        {
            var input = new float[chunk.Length * imageLength];
            for (var i = 0; i < chunk.Length; i++)
            {
                chunk[i].CopyTo(input, i * imageLength);
            }

            _batches.Add((input, [chunk.Length, .. imageShape]));
        }
    }
}
