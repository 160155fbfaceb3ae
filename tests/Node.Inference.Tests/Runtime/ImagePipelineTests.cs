using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Inference.Imaging;
using Node.Inference.Preprocessing;
using Node.Inference.Results;
using Node.Inference.Runtime;
using Node.Inference.Tests.Support;

namespace Node.Inference.Tests.Runtime;

public sealed class ImagePipelineTests
{
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(8)]
    [Description("On the CPU preprocessing and the model take turns; on CUDA preprocessing runs ahead. Both ways must give every frame the same result.")]
    public async Task Turns_and_overlap_give_same_results(int batchSize)
    {
        var instances = Instances(PhantomSets.AsInputs(PhantomSets.Generate(4, 31)));

        var inTurns = await Run(instances, batchSize, overlapWithModel: false);
        var overlapped = await Run(instances, batchSize, overlapWithModel: true);

        Assert.That(Probabilities(inTurns.Results), Is.EqualTo(Probabilities(overlapped.Results)).Within(1e-6));
        Assert.That(Probabilities(inTurns.Results), Has.Count.EqualTo(instances.Count * 3), "every frame of every instance has a result");
    }

    [TestCase(false)]
    [TestCase(true)]
    [Description("Frames rejected after decoding leave a batch short; the frames after them must still fill batches and get their results, whichever way the pipeline runs.")]
    public async Task Rejected_frames_leave_no_gaps(bool overlapWithModel)
    {
        var instances = Instances(PhantomSets.AsInputs(PhantomSets.Generate(3, 32)));
        var rejected = new[] { 1, 2, 5 };
        foreach (var index in rejected)
        {
            // Every modality value falls below the body threshold, so the body-fraction range rejects the frame.
            instances[index] = WithIntercept(instances[index], -20000);
        }

        var (outcomes, results) = await Run(instances, batchSize: 3, overlapWithModel);

        for (var index = 0; index < instances.Count; index++)
        {
            var isRejected = rejected.Contains(index);
            Assert.That(outcomes[index][0].Prepared is null, Is.EqualTo(isRejected), $"instance {index} outcome");
            Assert.That(results[index][0] is null, Is.EqualTo(isRejected), $"instance {index} result");
        }

        // Each accepted frame's result must be its own, as in a run of the accepted instances one at a time.
        var accepted = instances.Where((_, index) => !rejected.Contains(index)).ToList();
        var alone = await Run(accepted, batchSize: 1, overlapWithModel: false);
        Assert.That(Probabilities([.. results.Where(frames => frames[0] is not null)]), Is.EqualTo(Probabilities(alone.Results)).Within(1e-6));
    }

    private static List<StudyInstance> Instances(IReadOnlyList<StudyInput> studies) => [.. studies.SelectMany(study => study.Instances)];

    private static StudyInstance WithIntercept(StudyInstance instance, double intercept)
    {
        var dataset = instance.Dataset.Clone();
        dataset.SetDouble(DicomTags.RescaleIntercept, intercept);
        return StudyInstance.FromDataset(dataset);
    }

    private static Task<(PreprocessingOutcome[][] Outcomes, ImageResult?[][] Results)> Run(IReadOnlyList<StudyInstance> instances, int batchSize, bool overlapWithModel)
    {
        var pack = ReferencePack.Shared;
        var options = new InferenceOptions { UseCuda = false, BatchSize = batchSize, PreprocessingParallelism = 2 };
        var pipeline = new ImagePipeline(pack, new ImagePreprocessor(pack.Manifest, new DicomPixelDataDecoder()), options, overlapWithModel);
        return pipeline.RunAsync(instances, CancellationToken.None);
    }

    private static List<float> Probabilities(ImageResult?[][] results) =>
        [.. results.SelectMany(frames => frames).SelectMany(result => result!.Findings.Select(finding => (float)finding.Probability.Value))];
}
