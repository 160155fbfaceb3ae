using System.Runtime.InteropServices;
using System.Threading.Channels;
using Node.Inference.Packs;
using Node.Inference.Preprocessing;
using Node.Inference.Results;

namespace Node.Inference.Runtime;

/// <summary>
/// Preprocesses images, one per frame of each instance, on several threads and runs the model on
/// batches of them. How the two share the machine depends on where the model runs:
/// <list type="bullet">
/// <item>On the CPU they take turns: a batch is prepared on every preprocessing thread, then the
/// model runs it. ONNX Runtime spreads each operator over one intra-op thread per core and waits
/// for the slowest, so a preprocessing thread that took a core during a run would stall the whole
/// run for longer than the time it used. For the same reason the host should keep idle
/// thread-pool threads from spinning through the runs: ainode sets
/// <c>System.Threading.ThreadPool.UnfairSemaphoreSpinLimit</c> to 0.</item>
/// <item>On CUDA the model barely uses the CPU, so preprocessing runs ahead while the model runs.
/// It writes into a bounded channel, so it stays at most two batches ahead and memory stays flat
/// however many images come in.</item>
/// </list>
/// </summary>
internal sealed class ImagePipeline
{
    private readonly ImagePreprocessor _preprocessor;
    private readonly BatchRunner _runner;
    private readonly int _batchSize;
    private readonly int _parallelism;
    private readonly bool _overlapWithModel;

    /// <summary>The values of one prepared image: the model's input rows × columns.</summary>
    private readonly int _tensorLength;

    public ImagePipeline(ModelPack pack, ImagePreprocessor preprocessor, InferenceOptions options)
        : this(pack, preprocessor, options, overlapWithModel: pack.Session.ExecutionProvider != ExecutionProvider.Cpu)
    {
    }

    /// <param name="pack">The loaded model pack whose session runs the batches.</param>
    /// <param name="preprocessor">Prepares each frame.</param>
    /// <param name="options">Batch size and preprocessing parallelism.</param>
    /// <param name="overlapWithModel">Whether preprocessing runs ahead while the model runs (the CUDA way) rather than in turns with it (the CPU way); tests run both ways on the CPU.</param>
    internal ImagePipeline(ModelPack pack, ImagePreprocessor preprocessor, InferenceOptions options, bool overlapWithModel)
    {
        _preprocessor = preprocessor;
        _runner = new BatchRunner(pack, options.IncludeHeatmaps);
        var fixedBatchOfOne = pack.Manifest.Preprocessing.InputTensor.Shape[0] == 1;
        _batchSize = fixedBatchOfOne ? 1 : options.BatchSize;
        _parallelism = options.PreprocessingParallelism;
        _overlapWithModel = overlapWithModel;
        _tensorLength = pack.Manifest.Preprocessing.InputRows * pack.Manifest.Preprocessing.InputColumns;
    }

    /// <summary>
    /// Returns, per instance in input order, the preprocessing outcome of each frame and, where
    /// the frame was prepared, its result. An instance rejected before decoding has one outcome.
    /// </summary>
    public async Task<(PreprocessingOutcome[][] Outcomes, ImageResult?[][] Results)> RunAsync(IReadOnlyList<StudyInstance> instances, CancellationToken cancellationToken)
    {
        var outcomes = new PreprocessingOutcome[instances.Count][];
        var results = new ImageResult?[instances.Count][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken };

        // Opening reads attributes only; the frames of all instances are then shared out
        // together, so one long multi-frame instance is prepared on every thread too.
        var frames = new List<FrameKey>[instances.Count];
        Parallel.For(0, instances.Count, parallel, index => frames[index] = OpenInstance(instances[index], index, outcomes, results));
        FrameKey[] keys = [.. frames.SelectMany(instanceFrames => instanceFrames)];

        if (_overlapWithModel)
        {
            await RunOverlappedAsync(instances, keys, outcomes, results, parallel).ConfigureAwait(false);
        }
        else
        {
            await Task.Run(() => RunInTurns(instances, keys, outcomes, results, parallel), cancellationToken).ConfigureAwait(false);
        }

        return (outcomes, results);
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

    private PreparedImage? Prepare(IReadOnlyList<StudyInstance> instances, FrameKey key, PreprocessingOutcome[][] outcomes, Memory<float> tensor = default)
    {
        var outcome = _preprocessor.PrepareFrame(instances[key.Instance], key.Frame, key.FrameCount, tensor);
        outcomes[key.Instance][key.Frame] = outcome;
        return outcome.Prepared;
    }

    /// <summary>Prepares just enough frames to fill the next batch, all preprocessing threads at once, then runs the model on it; and again until every frame is done.</summary>
    /// <remarks>
    /// Each image's tensor is written straight into its place in the batch's input buffer, so
    /// the batch needs no copy before the run, and the buffer is overwritten by the next batch.
    /// The tensors of the prepared images in <c>outcomes</c> are therefore overwritten by later
    /// batches, so only the reasons and identities of the outcomes are read after the run.
    /// </remarks>
    private void RunInTurns(IReadOnlyList<StudyInstance> instances, FrameKey[] keys, PreprocessingOutcome[][] outcomes, ImageResult?[][] results, ParallelOptions parallel)
    {
        var input = _runner.CreateInputBuffer(_batchSize);
        var batch = new List<(FrameKey Frame, PreparedImage Image)>(_batchSize);
        var next = 0;
        while (next < keys.Length)
        {
            // Rejected frames leave the batch short, so the next round prepares only what is missing,
            // each into the next free place of the buffer.
            var first = batch.Count;
            var round = new ArraySegment<FrameKey>(keys, next, Math.Min(_batchSize - first, keys.Length - next));
            var prepared = new PreparedImage?[round.Count];
            Parallel.For(0, round.Count, parallel, i => prepared[i] = Prepare(instances, round[i], outcomes, Place(input, first + i)));
            next += round.Count;

            for (var i = 0; i < round.Count; i++)
            {
                if (prepared[i] is { } image)
                {
                    batch.Add((round[i], MoveToPlace(image, input, batch.Count)));
                }
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

    /// <summary>Returns image <paramref name="index"/>'s place in a batch input buffer.</summary>
    private Memory<float> Place(float[] input, int index) => input.AsMemory(index * _tensorLength, _tensorLength);

    /// <summary>Returns the image with its tensor at place <paramref name="index"/>, moving it down where a rejected frame before it left its place empty.</summary>
    private PreparedImage MoveToPlace(PreparedImage image, float[] input, int index)
    {
        var place = Place(input, index);
        if (MemoryMarshal.TryGetArray(image.Tensor, out var segment) && ReferenceEquals(segment.Array, input) && segment.Offset == index * _tensorLength)
        {
            return image;
        }

        image.Tensor.Span.CopyTo(place.Span);
        return image with { Tensor = place };
    }

    private async Task RunOverlappedAsync(IReadOnlyList<StudyInstance> instances, FrameKey[] keys, PreprocessingOutcome[][] outcomes, ImageResult?[][] results, ParallelOptions parallel)
    {
        var prepared = Channel.CreateBounded<(FrameKey Frame, PreparedImage Image)>(new BoundedChannelOptions(2 * _batchSize)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        // A failing consumer cancels the producer, which would otherwise wait on a full channel for ever.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(parallel.CancellationToken);
        var producerOptions = new ParallelOptions { MaxDegreeOfParallelism = parallel.MaxDegreeOfParallelism, CancellationToken = stop.Token };
        var producer = Task.Run(() => ProduceAsync(instances, keys, outcomes, prepared.Writer, producerOptions), CancellationToken.None);
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
    }

    private async Task ProduceAsync(IReadOnlyList<StudyInstance> instances, FrameKey[] keys, PreprocessingOutcome[][] outcomes, ChannelWriter<(FrameKey, PreparedImage)> writer, ParallelOptions parallel)
    {
        try
        {
            await Parallel.ForEachAsync(keys, parallel, async (key, token) =>
            {
                if (Prepare(instances, key, outcomes) is { } image)
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
        var imageResults = _runner.Run([.. batch.Select(item => item.Image)], input);
        for (var i = 0; i < batch.Count; i++)
        {
            var frame = batch[i].Frame;
            results[frame.Instance][frame.Frame] = imageResults[i];
        }

        batch.Clear();
    }
}
