using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Node.Host.Configuration;
using Node.Host.Jobs;

namespace Node.Host.Analysis;

/// <summary>Moves each study that has been quiet for <see cref="StudyAssemblyOptions.QuietPeriod"/> from Receiving to Ready.</summary>
public sealed class StudyAssemblyService : BackgroundService
{
    private readonly IJobStore _store;
    private readonly StudyAssemblyOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly NodeSignals _signals;

    public StudyAssemblyService(IJobStore store, NodeSettings settings, NodeSignals signals, TimeProvider time, ILogger<StudyAssemblyService> logger)
    {
        _store = store;
        _signals = signals;
        _options = settings.StudyAssembly;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var ready = await _store.MarkQuietJobsReadyAsync(_time.GetUtcNow(), _options.QuietPeriod, stoppingToken).ConfigureAwait(false);
                foreach (var job in ready)
                {
                    AnalysisLog.StudyReady(_logger, job.StudyInstanceUid, job.Id, job.InstanceCount, _options.QuietPeriod);
                }

                if (ready.Count > 0)
                {
                    _signals.Analysis.Notify();
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                AnalysisLog.PollFailed(_logger, _options.PollInterval, exception);
            }

            await Pause.For(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
        }
    }
}
