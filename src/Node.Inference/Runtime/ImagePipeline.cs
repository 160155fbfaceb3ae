using System.Threading.Channels;
using Node.Inference.Packs;
using Node.Inference.Preprocessing;
using Node.Inference.Results;

namespace Node.Inference.Runtime;

/// <summary>
/// Preprocesses images, one per frame of each instance, on several threads while the model runs
/// on batches of those already prepared. Preprocessing writes into a bounded channel, so it runs
/// at most a few batches ahead and memory stays flat however many images come in.
/// </summary>
internal sealed class ImagePipeline
{
    private readonly ImagePreprocessor _preprocessor;
    private readonly BatchRunner _runner;
    private readonly int _batchSize;
    private readonly int _parallelism;
    private readonly ModelRunGate _gate;

    public ImagePipeline(ModelPack pack, ImagePreprocessor preprocessor, InferenceOptions options)
    {
        _preprocessor = preprocessor;
        _runner = new BatchRunner(pack, options.IncludeHeatmaps);
        var fixedBatchOfOne = pack.Manifest.Preprocessing.InputTensor.Shape[0] == 1;
        _batchSize = fixedBatchOfOne ? 1 : options.BatchSize;
        _parallelism = options.PreprocessingParallelism;
        _gate = new ModelRunGate(pack.Session.ExecutionProvider == ExecutionProvider.Cpu);
    }

    /// <summary>
    /// Returns, per instance in input order, the preprocessing outcome of each frame and, where
    /// the frame was prepared, its result. An instance rejected before decoding has one outcome.
    /// </summary>
    public async Task<(PreprocessingOutcome[][] Outcomes, ImageResult?[][] Results)> RunAsync(IReadOnlyList<StudyInstance> instances, CancellationToken cancellationToken)
    {
        var outcomes = new PreprocessingOutcome[instances.Count][];
        var results = new ImageResult?[instances.Count][];
        var prepared = Channel.CreateBounded<(FrameKey Frame, PreparedImage Image)>(new BoundedChannelOptions(2 * _batchSize)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        // A failing consumer cancels the producer, which would otherwise wait on a full channel for ever.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(instances, outcomes, results, prepared.Writer, stop.Token), CancellationToken.None);
        try
        {
            await ConsumeAsync(prepared.Reader, results, stop.Token).ConfigureAwait(false);
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(producer).ConfigureAwait(false);
            _ = producer.Exception;
            throw;
        }

        await producer.ConfigureAwait(false);
        return (outcomes, results);
    }

    private async Task ProduceAsync(IReadOnlyList<StudyInstance> instances, PreprocessingOutcome[][] outcomes, ImageResult?[][] results, ChannelWriter<(FrameKey, PreparedImage)> writer, CancellationToken cancellationToken)
    {
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken };

            // Opening reads attributes only; the frames of all instances are then shared out
            // together, so one long multi-frame instance is prepared on every thread too.
            var frames = new List<FrameKey>[instances.Count];
            Parallel.For(0, instances.Count, parallel, index => frames[index] = OpenInstance(instances[index], index, outcomes, results));

            await Parallel.ForEachAsync(frames.SelectMany(keys => keys), parallel, async (key, token) =>
            {
                await _gate.WaitOpenAsync(token).ConfigureAwait(false);
                var outcome = _preprocessor.PrepareFrame(instances[key.Instance], key.Frame, key.FrameCount);
                outcomes[key.Instance][key.Frame] = outcome;
                if (outcome.Prepared is { } image)
                {
                    await writer.WriteAsync((key, image), token).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
            writer.Complete();
        }
        catch (Exception exception)
        {
            writer.Complete(exception);
            throw;
        }
    }

    /// <summary>Records the outcome of an instance rejected before decoding, or makes room for each of its frames and returns their keys.</summary>
    private List<FrameKey> OpenInstance(StudyInstance instance, int index, PreprocessingOutcome[][] outcomes, ImageResult?[][] results)
    {
        if (_preprocessor.Open(instance, out var frameCount) is { } rejected)
        {
            outcomes[index] = [rejected];
            results[index] = [null];
            return [];
        }

        outcomes[index] = new PreprocessingOutcome[frameCount];
        results[index] = new ImageResult?[frameCount];
        return [.. Enumerable.Range(0, frameCount).Select(frame => new FrameKey(index, frame, frameCount))];
    }

    private async Task ConsumeAsync(ChannelReader<(FrameKey Frame, PreparedImage Image)> reader, ImageResult?[][] results, CancellationToken cancellationToken)
    {
        var batch = new List<(FrameKey Frame, PreparedImage Image)>(_batchSize);

        // One input buffer per call, reused for every batch, in place of megabytes of fresh memory per batch.
        var input = _runner.CreateInputBuffer(_batchSize);
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Fill the batch from what is ready; a partial batch waits for more until the producer completes.
            while (batch.Count < _batchSize && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count == _batchSize)
            {
                RunBatch(batch, input, results);
            }
        }

        if (batch.Count > 0)
        {
            RunBatch(batch, input, results);
        }
    }

    private void RunBatch(List<(FrameKey Frame, PreparedImage Image)> batch, float[] input, ImageResult?[][] results)
    {
        ImageResult[] imageResults;
        using (_gate.Close())
        {
            imageResults = _runner.Run([.. batch.Select(item => item.Image)], input);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var frame = batch[i].Frame;
            results[frame.Instance][frame.Frame] = imageResults[i];
        }

        batch.Clear();
    }
}
