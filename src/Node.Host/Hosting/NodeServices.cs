using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Node.Host.Analysis;
using Node.Host.Configuration;
using Node.Host.Delivery;
using Node.Host.Ingest;
using Node.Host.Jobs;
using Node.Host.Jobs.Sqlite;
using Node.Inference.Runtime;
using Node.Reports;

namespace Node.Host.Hosting;

/// <summary>The node's services and hosted services, registered in the order they start.</summary>
internal static class NodeServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration, NodeSettings settings, ModelPackCatalog catalog, StartupLogging startupLogging)
    {
        AddLogging(services, configuration);
        AddOptions(services, configuration);
        services.AddSingleton(startupLogging);
        services.AddSingleton(settings);
        services.AddSingleton(catalog);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<NodeSignals>();
        services.AddSingleton(new StudyReportWriter(settings.Reporting));
        services.AddSingleton<ReportOutbox>();
        services.Configure<HostOptions>(host =>
        {
            // At stop the listener stops taking associations while the worker hands back its study, not one after the other.
            host.ServicesStopConcurrently = true;
            host.ShutdownTimeout = settings.Dicom.ShutdownGracePeriod + ShutdownMargin;
        });
        AddPipeline(services, settings);
    }

    /// <summary>Single-line console output with UTC timestamps and the association scope; the Logging section may pick another formatter.</summary>
    public static void AddConsole(ILoggingBuilder builder) => builder.AddSimpleConsole(console =>
    {
        console.SingleLine = true;
        console.IncludeScopes = true;
        console.UseUtcTimestamp = true;
        console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
    });

    /// <summary>Time the other services get at stop beyond the DICOM grace period, to hand back work and close the store.</summary>
    private static readonly TimeSpan ShutdownMargin = TimeSpan.FromSeconds(10);

    private static void AddLogging(IServiceCollection services, IConfiguration configuration) => services.AddLogging(builder =>
    {
        builder.ClearProviders();

        // ASP.NET Core logs five information lines for every request, so each GET /health of a
        // monitor would crowd out the node's own lines. The Logging section can lower this again.
        builder.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddConfiguration(configuration.GetSection("Logging"));
        AddConsole(builder);
    });

    /// <summary>Each section bound and validated at start as well, the standard way, for code that takes IOptions.</summary>
    private static void AddOptions(IServiceCollection services, IConfiguration configuration)
    {
        AddSection<DicomOptions>(services, configuration, DicomOptions.SectionName, options => options.Validate());
        AddSection<StorageOptions>(services, configuration, StorageOptions.SectionName, options => options.Validate());
        AddSection<JobStoreOptions>(services, configuration, JobStoreOptions.SectionName, options => options.Validate());
        AddSection<StudyAssemblyOptions>(services, configuration, StudyAssemblyOptions.SectionName, options => options.Validate());
        AddSection<InferenceOptions>(services, configuration, InferenceOptions.SectionName, options => options.Validate());
        AddSection<DestinationsOptions>(services, configuration, DestinationsOptions.SectionName, options => options.Validate());
        AddSection<ReportOptions>(services, configuration, ReportOptions.SectionName, options => options.Validate());
        AddSection<WebOptions>(services, configuration, WebOptions.SectionName, options => options.Validate());
    }

    private static void AddSection<T>(IServiceCollection services, IConfiguration configuration, string name, Func<T, IReadOnlyList<string>> validate)
        where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(name)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(validate));
    }

    private static void AddPipeline(IServiceCollection services, NodeSettings settings)
    {
        services.AddSingleton<IJobStore>(provider => new SqliteJobStore(
            settings.JobStore.EffectiveSqlitePath(settings.Storage),
            settings.JobStore.BusyTimeout,
            provider.GetRequiredService<ILogger<SqliteJobStore>>()));

        services.AddSingleton(provider => new InstanceStore(settings.Storage.InstancesPath, provider.GetRequiredService<ILogger<InstanceStore>>()));
        services.AddSingleton(provider => new DiskSpaceGuard(
            settings.Storage.FreeDiskMarginMegabytes,
            DiskSpaceGuard.ForVolumeOf(settings.Storage.RootPath),
            provider.GetRequiredService<ILogger<DiskSpaceGuard>>()));
        services.AddSingleton<StoreScpHandler>();

        services.AddHostedService<NodeStartupService>();
        services.AddHostedService(provider => new StoreScpService(
            settings.Dicom.ToServerOptions(),
            provider.GetRequiredService<StoreScpHandler>(),
            provider.GetRequiredService<ILoggerFactory>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddHostedService<StudyAssemblyService>();
        services.AddHostedService<InferenceWorker>();
        services.AddSingleton<ResultSenderService>();
        services.AddHostedService(provider => provider.GetRequiredService<ResultSenderService>());
    }
}
