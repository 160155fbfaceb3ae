using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Node.Inference.Imaging;
using Node.Inference.Packs;
using Node.Inference.Preprocessing;
using Node.Inference.Results;
using Node.Inference.Validation;

namespace Node.Inference.Runtime;

/// <summary>
/// Analyses studies with one model pack: checks each instance, preprocesses it, runs the model
/// in batches and combines image results into study results. Images of many studies share
/// batches, so a large set runs as fast as one long study. Instances of another modality or SOP
/// class beside the pack's own (a dose report in a CT study) are left out. Any other broken rule
/// makes the whole study "not analysed".
/// </summary>
public sealed class StudyAnalyzer
{
    /// <summary>Stands in the log for the Study Instance UID of instances that have none.</summary>
    private const string NoStudyUid = "(no Study Instance UID)";

    private readonly ModelPack _pack;
    private readonly ImagePipeline _pipeline;
    private readonly InputRuleChecker _rules;
    private readonly ILogger _logger;

    /// <param name="pack">The loaded model pack; the analyser does not dispose it.</param>
    /// <param name="decoder">Turns pixel data into numbers.</param>
    /// <param name="options">Batch size and preprocessing parallelism.</param>
    /// <param name="logger">Receives a line per study not analysed.</param>
    public StudyAnalyzer(ModelPack pack, IImageDecoder decoder, InferenceOptions options, ILogger<StudyAnalyzer>? logger = null)
    {
        options.ThrowIfInvalid();
        _pack = pack;
        _pipeline = new ImagePipeline(pack, new ImagePreprocessor(pack.Manifest, decoder), options);
        _rules = new InputRuleChecker(pack.Manifest.Input);
        _logger = logger ?? NullLogger<StudyAnalyzer>.Instance;
    }

    public ModelPackIdentity Model => _pack.Identity;

    public async Task<StudyResult> AnalyzeAsync(StudyInput study, CancellationToken cancellationToken = default)
    {
        var results = await AnalyzeAsync([study], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <summary>Returns one result per study, in the order given. Each frame of a multi-frame instance is an image of its own.</summary>
    /// <exception cref="ModelOutputException">The model produced a value that is not a probability.</exception>
    /// <exception cref="Microsoft.ML.OnnxRuntime.OnnxRuntimeException">A run failed, for example because an output's shape differs from the shape the manifest declares.</exception>
    public async Task<IReadOnlyList<StudyResult>> AnalyzeAsync(IReadOnlyList<StudyInput> studies, CancellationToken cancellationToken = default)
    {
        studies = [.. studies.Select(LeaveOutOtherKinds)];
        var instances = studies.SelectMany(study => study.Instances).ToList();
        var (outcomes, imageResults) = await _pipeline.RunAsync(instances, cancellationToken).ConfigureAwait(false);

        var results = new List<StudyResult>(studies.Count);
        var offset = 0;
        foreach (var study in studies)
        {
            var count = study.Instances.Count;
            var studyOutcomes = new ArraySegment<PreprocessingOutcome[]>(outcomes, offset, count).SelectMany(frames => frames).ToList();
            var studyImages = new ArraySegment<ImageResult?[]>(imageResults, offset, count).SelectMany(frames => frames).ToList();
            var result = StudyResultBuilder.Build(_pack, study.StudyInstanceUid, studyOutcomes, studyImages);
            LogResult(result);
            results.Add(result);
            offset += count;
        }

        return results;
    }

    /// <summary>
    /// Returns the study without its instances of a modality or SOP class the pack does not take,
    /// such as a dose report in a CT study, where it has instances of both kinds. A study with no
    /// instance of the pack's kind stays whole, so its result names them as the reason.
    /// </summary>
    private StudyInput LeaveOutOtherKinds(StudyInput study)
    {
        var accepted = study.Instances.Where(instance => _rules.IsOfAcceptedKind(instance.Dataset)).ToList();
        if (accepted.Count == 0 || accepted.Count == study.Instances.Count)
        {
            return study;
        }

        var identity = _pack.Identity;
        Log.InstancesLeftOut(_logger, study.StudyInstanceUid, study.Instances.Count - accepted.Count, study.Instances.Count, identity.Name, identity.Version);
        return study with { Instances = accepted };
    }

    private void LogResult(StudyResult result)
    {
        var identity = _pack.Identity;
        var study = result.StudyInstanceUid.Length > 0 ? result.StudyInstanceUid : NoStudyUid;
        switch (result)
        {
            case NotAnalysedStudyResult notAnalysed:
                Log.StudyNotAnalysed(_logger, study, identity.Name, identity.Version, notAnalysed.Reasons.Count, notAnalysed.Reasons[0].Message);
                break;
            case AnalysedStudyResult analysed:
                Log.StudyAnalysed(_logger, study, identity.Name, identity.Version, analysed.Images.Count, analysed.AnyFinding.IsPresent);
                break;
        }
    }
}
