using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Node.Host.Configuration;
using Node.Host.Jobs;
using DeliveryRecord = Node.Host.Jobs.Delivery;

using Node.Host.Logging;

namespace Node.Host.Delivery;

/// <summary>
/// Delivers the report files of every job in Sending to every destination, and ends each job
/// once no delivery of it is pending.
/// </summary>
/// <remarks>
/// <para>
/// Every <see cref="DestinationsOptions.PollInterval"/> a poll takes the jobs in Sending, oldest
/// first. For each job it sends the pending files to each destination in one round of that
/// destination's <see cref="DestinationSender"/> (one association per attempt), destinations at
/// the same time, then records each file's result: delivered, rejected, or still pending with the
/// error where an association was tried. A job with no pending delivery left moves to Done
/// (outcome "analysed"), NotAnalysed (outcome "not-analysed") or, where a destination rejected a
/// file, Failed with a last error that names the files, destinations and statuses. A job with no
/// deliveries at all, because no destination is configured, ends at its first poll.
/// </para>
/// <para>
/// A delivery is recorded only after the destination's response, so a process that stops between
/// the response and the record leaves the file pending, and the next process sends it again. The
/// destination may then store the instance twice or return a duplicate warning; the first poll
/// logs such a send as a retry (<see cref="DeliveryLog.ResentAfterRestart"/>).
/// </para>
/// </remarks>
public sealed class ResultSenderService : BackgroundService
{
    private readonly IJobStore _store;
    private readonly WorkSignal? _wake;
    private readonly DestinationsOptions _settings;
    private readonly StorageOptions _storage;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>One sender per configured destination, by name; each keeps its circuit between polls.</summary>
    private readonly Dictionary<string, DestinationSender> _senders;

    /// <summary>Jobs already in Sending at the first poll, whose files an earlier process may have sent; null before that poll.</summary>
    private HashSet<long>? _jobsFromEarlierProcess;

    /// <exception cref="ArgumentException">Two destinations share a name, or a retry or circuit setting is out of range.</exception>
    /// <param name="store">The job store holding the jobs in Sending and their deliveries.</param>
    /// <param name="destinations">The destinations and the retry and circuit breaker settings.</param>
    /// <param name="storage">The storage root the delivery paths are relative to.</param>
    /// <param name="loggerFactory">Creates the service's and each sender's logger.</param>
    /// <param name="timeProvider">Clock for polls, back-off and the circuit breaker.</param>
    /// <param name="signals">Wakes the sender as soon as the worker puts a report in the outbox; null polls only.</param>
    public ResultSenderService(IJobStore store, IOptions<DestinationsOptions> destinations, IOptions<StorageOptions> storage, ILoggerFactory loggerFactory, TimeProvider timeProvider, NodeSignals? signals = null)
    {
        _store = store;
        _wake = signals?.Delivery;
        _settings = destinations.Value;
        _storage = storage.Value;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<ResultSenderService>();
        _senders = new Dictionary<string, DestinationSender>(StringComparer.Ordinal);
        foreach (var peer in _settings.Peers)
        {
            if (!_senders.TryAdd(peer.Name, new DestinationSender(peer, _settings, loggerFactory, timeProvider)))
            {
                throw new ArgumentException($"Invalid {DestinationsOptions.SectionName}:{nameof(DestinationsOptions.Peers)}: the name '{peer.Name}' is used by two destinations; each needs its own.", nameof(destinations));
            }
        }
    }

    /// <summary>The sender of each configured destination, for health reports.</summary>
    public IReadOnlyCollection<DestinationSender> Destinations => _senders.Values;

    /// <summary>
    /// Runs one poll: sends the pending files of every job in Sending and ends the jobs with
    /// nothing pending. A job whose store calls fail is logged and left for the next poll.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var jobs = await _store.GetJobsInStateAsync(JobState.Sending, cancellationToken).ConfigureAwait(false);
        _jobsFromEarlierProcess ??= [.. jobs.Select(job => job.Id)];
        foreach (var job in jobs)
        {
            using var scope = _logger.BeginScope(LogFields.Job(job.Id, job.StudyInstanceUid));
            try
            {
                await SendJobAsync(job, cancellationToken).ConfigureAwait(false);
            }
            catch (JobStateConflictException exception)
            {
                DeliveryLog.JobMovedElsewhere(_logger, job.Id, job.StudyInstanceUid, exception);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The store's own faults (a locked or full database) have the implementation's
                // types; one job's fault must not stop the others or the service.
                DeliveryLog.JobRoundFailed(_logger, job.Id, job.StudyInstanceUid, exception);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DeliveryLog.SenderStarted(_logger, _senders.Count, _settings.PollInterval.TotalMilliseconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await PollLoggingFaultsAsync(stoppingToken).ConfigureAwait(false);
                await WaitForWorkAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; a round cut short leaves its files pending for the next start.
        }
    }

    private async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        if (_wake is not null)
        {
            await _wake.WaitAsync(_settings.PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
            return;
        }

        await Task.Delay(_settings.PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
    }

    private async Task PollLoggingFaultsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PollOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Listing the jobs failed in the store; the next poll tries again.
            DeliveryLog.PollFailed(_logger, exception);
        }
    }

    private async Task SendJobAsync(Job job, CancellationToken cancellationToken)
    {
        // Send each destination's pending files at once, one round per destination.
        var deliveries = await _store.GetDeliveriesAsync(job.Id, cancellationToken).ConfigureAwait(false);
        var pending = deliveries.Where(delivery => delivery.State == DeliveryState.Pending).GroupBy(delivery => delivery.Destination, StringComparer.Ordinal).ToList();
        if (pending.Count > 0)
        {
            var fromEarlierProcess = _jobsFromEarlierProcess!.Remove(job.Id);
            var rounds = pending.Select(group => SendToDestinationAsync(job, group.Key, [.. group], fromEarlierProcess, cancellationToken)).ToList();
            var results = await Task.WhenAll(rounds).ConfigureAwait(false);

            // Record the results one destination after another.
            foreach (var (destination, files) in results)
            {
                await RecordAsync(job, destination, files, cancellationToken).ConfigureAwait(false);
            }

            deliveries = await _store.GetDeliveriesAsync(job.Id, cancellationToken).ConfigureAwait(false);
        }

        // End the job once nothing is pending.
        if (deliveries.All(delivery => delivery.State != DeliveryState.Pending))
        {
            await FinishAsync(job, deliveries, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(string Destination, IReadOnlyList<FileDeliveryResult> Results)> SendToDestinationAsync(Job job, string destination, IReadOnlyList<DeliveryRecord> deliveries, bool fromEarlierProcess, CancellationToken cancellationToken)
    {
        var files = deliveries.Select(delivery => (delivery.SopInstanceUid, Path.Combine(_storage.RootPath, delivery.RelativePath.Replace('/', Path.DirectorySeparatorChar)))).ToList();
        if (!_senders.TryGetValue(destination, out var sender))
        {
            // A destination removed from the settings can never confirm these files.
            DeliveryLog.UnknownDestination(_logger, job.Id, job.StudyInstanceUid, destination);
            return (destination, [.. files.Select(file => new FileDeliveryResult(file.SopInstanceUid, file.Item2, FileDeliveryOutcome.Rejected, null, $"destination '{destination}' is not in the settings", 0))]);
        }

        if (fromEarlierProcess)
        {
            DeliveryLog.ResentAfterRestart(_logger, job.Id, job.StudyInstanceUid, destination, files.Count);
        }

        return (destination, await sender.SendAsync(job.Id, files, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Records each file's result; a file not attempted at all (circuit open) gets no record, since no attempt was made.</summary>
    private async Task RecordAsync(Job job, string destination, IReadOnlyList<FileDeliveryResult> results, CancellationToken cancellationToken)
    {
        foreach (var result in results)
        {
            var state = result.Outcome switch
            {
                FileDeliveryOutcome.Delivered => DeliveryState.Delivered,
                FileDeliveryOutcome.Rejected => DeliveryState.Rejected,
                _ => DeliveryState.Pending,
            };
            // NOTE: one record per round, so Delivery.Attempts counts rounds that tried the file,
            // not the associations of their retries (result.Attempts has those).
            if (state == DeliveryState.Pending && result.Attempts == 0)
            {
                continue;
            }

            if (state == DeliveryState.Rejected)
            {
                DeliveryLog.FileRejected(_logger, destination, result.SopInstanceUid, job.Id, result.Error);
            }

            await _store.RecordDeliveryAttemptAsync(job.Id, destination, result.SopInstanceUid, state, result.Error, _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        // A round skipped while the circuit is open tried nothing; the circuit's own lines cover it, and a line per poll would flood the log.
        var notDelivered = results.Where(result => result.Outcome != FileDeliveryOutcome.Delivered).ToList();
        var tried = results.Any(result => result.Attempts > 0 || result.Outcome == FileDeliveryOutcome.Rejected);
        if (notDelivered.Count > 0 && tried)
        {
            var rejectedCount = notDelivered.Count(result => result.Outcome == FileDeliveryOutcome.Rejected);
            DeliveryLog.DeliveryFailed(_logger, job.Id, job.StudyInstanceUid, destination, results.Count - notDelivered.Count, rejectedCount, notDelivered.Count - rejectedCount, notDelivered[0].Error);
        }
    }

    private async Task FinishAsync(Job job, IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken)
    {
        var rejected = deliveries.Where(delivery => delivery.State == DeliveryState.Rejected).ToList();
        var (target, lastError) = rejected.Count > 0
            ? (JobState.Failed, "Delivery rejected: " + string.Join("; ", rejected.Select(delivery => $"destination '{delivery.Destination}' rejected {delivery.SopInstanceUid} ({delivery.RelativePath}): {delivery.LastError}")))
            : job.Outcome switch
            {
                JobOutcomes.Analysed => (JobState.Done, null),
                JobOutcomes.NotAnalysed => (JobState.NotAnalysed, null),
                _ => (JobState.Failed, $"The job's outcome '{job.Outcome}' is neither '{JobOutcomes.Analysed}' nor '{JobOutcomes.NotAnalysed}', so its end state is unknown."),
            };

        await _store.TransitionAsync(job.Id, JobState.Sending, target, _timeProvider.GetUtcNow(), lastError, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (lastError is null)
        {
            DeliveryLog.JobSent(_logger, job.Id, job.StudyInstanceUid, target.ToString());
        }
        else
        {
            DeliveryLog.JobFailed(_logger, job.Id, job.StudyInstanceUid, lastError);
        }
    }
}
