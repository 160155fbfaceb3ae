using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Host.Configuration;
using Node.Host.Jobs;
using Node.Inference.Results;
using Node.Inference.Runtime;
using Node.Reports;

namespace Node.Host.Analysis;

/// <summary>
/// Claims ready studies one at a time, runs the model pack that fits, writes the SR and SC to the
/// outbox and hands the job to the sender. A step that throws sends the job back to Ready until
/// <see cref="InferenceOptions.MaxAttempts"/> is spent, then marks it failed. At stop, the job in
/// hand goes back to Ready with its attempt given back, so the next start analyses it again.
/// </summary>
public sealed class InferenceWorker : BackgroundService
{
    private readonly IJobStore _store;
    private readonly ModelPackCatalog _catalog;
    private readonly ReportOutbox _outbox;
    private readonly NodeSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly NodeSignals _signals;

    public InferenceWorker(IJobStore store, ModelPackCatalog catalog, ReportOutbox outbox, NodeSettings settings, NodeSignals signals, TimeProvider time, ILogger<InferenceWorker> logger)
    {
        _store = store;
        _signals = signals;
        _catalog = catalog;
        _outbox = outbox;
        _settings = settings;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Inference is CPU-bound and partly synchronous; leave the host's start-up thread at once.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            Job? job = null;
            try
            {
                job = await _store.ClaimAsync(JobState.Ready, JobState.Analysing, _time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                AnalysisLog.PollFailed(_logger, _settings.StudyAssembly.PollInterval, exception);
            }

            if (job is null)
            {
                await _signals.Analysis.WaitAsync(_settings.StudyAssembly.PollInterval, _time, stoppingToken).ConfigureAwait(false);
                continue;
            }

            await ProcessAsync(job, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(Job job, CancellationToken stoppingToken)
    {
        var state = JobState.Analysing;
        try
        {
            var selection = await SelectInstancesAsync(job, stoppingToken).ConfigureAwait(false);
            if (selection.OnlyOwnReports)
            {
                await _store.TransitionAsync(job.Id, JobState.Analysing, JobState.Done, _time.GetUtcNow(), outcome: JobOutcomes.OwnReportsOnly, cancellationToken: stoppingToken).ConfigureAwait(false);
                AnalysisLog.OwnReportsOnly(_logger, job.StudyInstanceUid, job.Id);
                return;
            }

            var (sources, result) = await AnalyseAsync(job, selection.Instances, stoppingToken).ConfigureAwait(false);
            var outcome = result is AnalysedStudyResult ? JobOutcomes.Analysed : JobOutcomes.NotAnalysed;
            await _store.TransitionAsync(job.Id, JobState.Analysing, JobState.Reporting, _time.GetUtcNow(), outcome: outcome, cancellationToken: stoppingToken).ConfigureAwait(false);
            state = JobState.Reporting;

            await ReportAsync(job, sources, result, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await HandBackAsync(job, state).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await FailAttemptAsync(job, state, exception).ConfigureAwait(false);
        }
    }

    private async Task<(IReadOnlyList<SourceInstance> Sources, StudyResult Result)> AnalyseAsync(Job job, IReadOnlyList<StoredInstance> instances, CancellationToken cancellationToken)
    {
        var sources = LoadInstances(job, instances);
        var datasets = sources.Select(source => source.Dataset).ToList();
        var analyzer = _catalog.Route(datasets);
        AnalysisLog.Analysing(_logger, job.StudyInstanceUid, job.Id, job.Attempts, sources.Count, analyzer.Model.Name, analyzer.Model.Version);

        var clock = Stopwatch.StartNew();
        var studyInstances = sources.Select(source => new StudyInstance(source.Dataset, source.TransferSyntax)).ToList();
        var result = await analyzer.AnalyzeAsync(new StudyInput(job.StudyInstanceUid, studyInstances), cancellationToken).ConfigureAwait(false);
        var outcome = result is AnalysedStudyResult ? JobOutcomes.Analysed : JobOutcomes.NotAnalysed;
        AnalysisLog.Analysed(_logger, job.StudyInstanceUid, job.Id, outcome, analyzer.Model.Name, analyzer.Model.Version, clock.ElapsedMilliseconds);
        return (sources, result);
    }

    /// <summary>
    /// Chooses what to analyse: every instance of the study, from every job of it, so a re-analysis
    /// covers the whole study, except the node's own SR and SC (a PACS may route them back). Where the
    /// job brought nothing else, there is nothing to analyse.
    /// </summary>
    private async Task<(IReadOnlyList<StoredInstance> Instances, bool OnlyOwnReports)> SelectInstancesAsync(Job job, CancellationToken cancellationToken)
    {
        var instances = await _store.GetStudyInstancesAsync(job.StudyInstanceUid, cancellationToken).ConfigureAwait(false);
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var earlier in await _store.GetStudyJobsAsync(job.StudyInstanceUid, cancellationToken).ConfigureAwait(false))
        {
            var deliveries = await _store.GetDeliveriesAsync(earlier.Id, cancellationToken).ConfigureAwait(false);
            own.UnionWith(deliveries.Select(delivery => delivery.SopInstanceUid));
        }

        var sources = instances.Where(instance => !own.Contains(instance.SopInstanceUid)).ToList();
        var onlyOwn = sources.Count > 0 && !sources.Any(instance => instance.JobId == job.Id);
        return (sources.Count > 0 ? sources : instances, onlyOwn);
    }

    /// <summary>
    /// Opens the chosen instances. Instances without pixel data (a dose SR, a key object note) are
    /// left out where the study has images, so they cannot make an image study "not analysed".
    /// </summary>
    private List<SourceInstance> LoadInstances(Job job, IReadOnlyList<StoredInstance> instances)
    {
        var sources = new List<SourceInstance>(instances.Count);
        foreach (var instance in instances)
        {
            var path = Path.Combine(_settings.Storage.InstancesPath, instance.RelativePath);
            try
            {
                sources.Add(SourceInstance.FromFile(DicomFile.Open(path)));
            }
            catch (Exception exception) when (exception is DicomFormatException or IOException or UnauthorizedAccessException)
            {
                AnalysisLog.InstanceSkipped(_logger, job.StudyInstanceUid, job.Id, instance.RelativePath, exception.Message);
            }
        }

        if (sources.Count == 0)
        {
            throw new InvalidDataException($"Study {job.StudyInstanceUid} job {job.Id}: none of its {instances.Count} instance file(s) under {_settings.Storage.InstancesPath} could be read.");
        }

        var images = sources.Where(source => source.Dataset.Contains(DicomTags.PixelData)).ToList();
        return images.Count > 0 ? images : sources;
    }

    private async Task ReportAsync(Job job, IReadOnlyList<SourceInstance> sources, StudyResult result, CancellationToken cancellationToken)
    {
        var pack = _catalog.Packs.First(candidate => candidate.Identity == result.Model);
        var fingerprint = SettingsFingerprint.Compute(pack, _settings.Inference, _settings.Reporting);
        var predecessors = await FindPredecessorsAsync(job, cancellationToken).ConfigureAwait(false);
        var files = _outbox.Write(job.Id, new ReportRequest(result, sources, fingerprint, predecessors));

        var destinations = _settings.Destinations.Peers.Select(peer => peer.Name).ToList();
        await _store.AddDeliveriesAsync(job.Id, destinations, files, cancellationToken).ConfigureAwait(false);
        var folder = ReportOutbox.RelativeFolder(job.Id);
        await _store.TransitionAsync(job.Id, JobState.Reporting, JobState.Sending, _time.GetUtcNow(), outboxFolder: folder, cancellationToken: cancellationToken).ConfigureAwait(false);
        _signals.Delivery.Notify();
        AnalysisLog.Reported(_logger, job.StudyInstanceUid, job.Id, files.Count, folder, destinations.Count);
    }

    /// <summary>The SRs of the study's earlier jobs that wrote one, for the Predecessor Documents Sequence.</summary>
    private async Task<IReadOnlyList<SourceInstance>> FindPredecessorsAsync(Job job, CancellationToken cancellationToken)
    {
        if (job.SupersedesJobId is not { } superseded)
        {
            return [];
        }

        var jobs = await _store.GetStudyJobsAsync(job.StudyInstanceUid, cancellationToken).ConfigureAwait(false);
        var predecessors = jobs
            .Where(earlier => earlier.Id < job.Id)
            .Select(earlier => _outbox.ReadSr(earlier.Id))
            .OfType<SourceInstance>()
            .ToList();
        AnalysisLog.Supersedes(_logger, job.StudyInstanceUid, job.Id, superseded, predecessors.Count);
        return predecessors;
    }

    private async Task HandBackAsync(Job job, JobState state)
    {
        try
        {
            await _store.HandBackAsync(job.Id, state, _time.GetUtcNow()).ConfigureAwait(false);
            AnalysisLog.HandedBack(_logger, job.StudyInstanceUid, job.Id);
        }
        catch (Exception exception) when (exception is JobStateConflictException or JobStoreException)
        {
            // The next start's resume moves it back instead.
            AnalysisLog.AttemptFailed(_logger, job.StudyInstanceUid, job.Id, job.Attempts, _settings.Inference.MaxAttempts, exception);
        }
    }

    private async Task FailAttemptAsync(Job job, JobState state, Exception exception)
    {
        var error = $"{exception.GetType().Name}: {exception.Message}";
        try
        {
            if (job.Attempts >= _settings.Inference.MaxAttempts)
            {
                AnalysisLog.JobFailed(_logger, job.StudyInstanceUid, job.Id, job.Attempts, exception);
                await _store.TransitionAsync(job.Id, state, JobState.Failed, _time.GetUtcNow(), lastError: error).ConfigureAwait(false);
                return;
            }

            AnalysisLog.AttemptFailed(_logger, job.StudyInstanceUid, job.Id, job.Attempts, _settings.Inference.MaxAttempts, exception);
            await _store.TransitionAsync(job.Id, state, JobState.Ready, _time.GetUtcNow(), lastError: error).ConfigureAwait(false);
        }
        catch (Exception storeException) when (storeException is JobStateConflictException or JobStoreException)
        {
            AnalysisLog.PollFailed(_logger, _settings.StudyAssembly.PollInterval, storeException);
        }
    }
}
