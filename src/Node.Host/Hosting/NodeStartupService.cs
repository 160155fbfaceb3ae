using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Node.Host.Analysis;
using Node.Host.Configuration;
using Node.Host.Jobs;

namespace Node.Host.Hosting;

/// <summary>
/// Registered before every other hosted service, so it runs first: creates the storage folders,
/// opens the job store and resumes the jobs a previous process left in Analysing or Reporting.
/// </summary>
internal sealed class NodeStartupService : IHostedService
{
    private readonly IJobStore _store;
    private readonly NodeSettings _settings;
    private readonly ModelPackCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IHostApplicationLifetime _lifetime;

    public NodeStartupService(IJobStore store, NodeSettings settings, ModelPackCatalog catalog, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<NodeStartupService> logger)
    {
        _lifetime = lifetime;
        _store = store;
        _settings = settings;
        _catalog = catalog;
        _time = time;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        NodeLog.Starting(_logger, Reports.ReportOptions.SoftwareVersion, Environment.CurrentDirectory, _settings.ToJson());

        // The services stop together, so the last line waits for all of them.
        _lifetime.ApplicationStopped.Register(() => NodeLog.Stopped(_logger));
        foreach (var pack in _catalog.Packs)
        {
            NodeLog.ModelPackLoaded(_logger, pack.Identity.Name, pack.Identity.Version, pack.Directory, pack.OnnxSha256);
        }

        Directory.CreateDirectory(_settings.Storage.InstancesPath);
        Directory.CreateDirectory(_settings.Storage.OutboxPath);
        await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var resumed = await _store.ResumeAsync(_time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        NodeLog.JobStoreReady(_logger, _settings.JobStore.EffectiveSqlitePath(_settings.Storage), resumed);
        if (_settings.Destinations.Peers.Count == 0)
        {
            NodeLog.NoDestinations(_logger, _settings.Storage.OutboxPath);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
