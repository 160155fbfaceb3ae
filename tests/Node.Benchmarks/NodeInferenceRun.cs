using System.Diagnostics;
using Node.Dicom.Data;
using Node.Inference.Imaging;
using Node.Inference.Packs;
using Node.Inference.Runtime;

namespace Node.Benchmarks;

/// <summary>
/// One timed pass of the node's path: <see cref="StudyAnalyzer"/> decodes, preprocesses and
/// runs every instance in batches, the same way the analyze command does after reading files.
/// </summary>
internal sealed class NodeInferenceRun
{
    private readonly StudyAnalyzer _analyzer;
    private readonly IReadOnlyList<StudyInput> _studies;

    public NodeInferenceRun(ModelPack pack, InferenceOptions options, IReadOnlyList<DicomDataset> instances)
    {
        _analyzer = new StudyAnalyzer(pack, new DicomPixelDataDecoder(), options);
        _studies = StudyInput.GroupByStudy(instances);
    }

    /// <summary>Returns the wall time of analysing every study once.</summary>
    public TimeSpan Time()
    {
        var stopwatch = Stopwatch.StartNew();
        _analyzer.AnalyzeAsync(_studies).GetAwaiter().GetResult();
        return stopwatch.Elapsed;
    }
}
