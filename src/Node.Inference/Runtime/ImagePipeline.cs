using System.Threading.Channels;
using Node.Dicom.Data;
using Node.Inference.Packs;
using Node.Inference.Preprocessing;
using Node.Inference.Results;

namespace Node.Inference.Runtime;

/// <summary>
/// Preprocesses images on several threads while the model runs on batches of those already
/// prepared. Preprocessing writes into a bounded channel, so it runs at most a few batches ahead
/// and memory stays flat however many images come in.
/// </summary>
internal sealed class ImagePipeline
{
    private readonly ImagePreprocessor _preprocessor;
    private readonly BatchRunner _runner;
    private readonly int _batchSize;
    private readonly int _parallelism;

    public ImagePipeline(ModelPack pack, ImagePreprocessor preprocessor, InferenceOptions options)
    {
        _preprocessor = preprocessor;
        _runner = new BatchRunner(pack, options.IncludeHeatmaps);
        var fixedBatchOfOne = pack.Manifest.Preprocessing.InputTensor.Shape[0] == 1;
        _batchSize = fixedBatchOfOne ? 1 : options.BatchSize;
        _parallelism = options.PreprocessingParallelism;
    }

    /// <summary>Returns, per image in input order, its preprocessing outcome and, where it was prepared, its result.</summary>
    public async Task<(PreprocessingOutcome[] Outcomes, ImageResult?[] Results)> RunAsync(IReadOnlyList<DicomDataset> images, CancellationToken cancellationToken)
    {
        var outcomes = new PreprocessingOutcome[images.Count];
        var results = new ImageResult?[images.Count];
        var prepared = Channel.CreateBounded<(int Index, PreparedImage Image)>(new BoundedChannelOptions(2 * _batchSize)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        // A failing consumer cancels the producer, which would otherwise wait on a full channel for ever.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(images, outcomes, prepared.Writer, stop.Token), CancellationToken.None);
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

    private async Task ProduceAsync(IReadOnlyList<DicomDataset> images, PreprocessingOutcome[] outcomes, ChannelWriter<(int, PreparedImage)> writer, CancellationToken cancellationToken)
    {
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, images.Count), parallel, async (index, token) =>
            {
                var outcome = _preprocessor.Prepare(images[index]);
                outcomes[index] = outcome;
                if (outcome.Prepared is { } image)
                {
                    await writer.WriteAsync((index, image), token).ConfigureAwait(false);
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

    private async Task ConsumeAsync(ChannelReader<(int Index, PreparedImage Image)> reader, ImageResult?[] results, CancellationToken cancellationToken)
    {
        var batch = new List<(int Index, PreparedImage Image)>(_batchSize);
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Fill the batch from what is ready; a partial batch waits for more until the producer completes.
            while (batch.Count < _batchSize && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count == _batchSize)
            {
                RunBatch(batch, results);
            }
        }

        if (batch.Count > 0)
        {
            RunBatch(batch, results);
        }
    }

    private void RunBatch(List<(int Index, PreparedImage Image)> batch, ImageResult?[] results)
    {
        var imageResults = _runner.Run([.. batch.Select(item => item.Image)]);
        for (var i = 0; i < batch.Count; i++)
        {
            results[batch[i].Index] = imageResults[i];
        }

        batch.Clear();
    }
}
