using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Node.Host.Analysis;
using Node.Host.Configuration;

namespace Node.Host.Hosting;

/// <summary>
/// Builds and runs the node: settings from appsettings.json in the working folder, an optional
/// extra settings file and <c>AINODE__</c> environment variables, checked as a whole before
/// anything starts; then the hosted services in order (start-up, Store SCP, study assembly,
/// inference worker, result sender) and, where enabled, the web endpoint.
/// </summary>
public static class NodeHost
{
    /// <summary>Exit code where the settings or the environment they name are invalid (sysexits' EX_CONFIG, which systemd shows by name).</summary>
    public const int InvalidSettingsExitCode = 78;

    public const string SettingsFileName = "appsettings.json";

    public const string EnvironmentPrefix = "AINODE__";

    /// <summary>Runs the node until SIGINT or SIGTERM; returns 0 after a clean stop or <see cref="InvalidSettingsExitCode"/>.</summary>
    public static int Run(string? settingsFile, TextWriter error)
    {
        using var app = Build(settingsFile, error);
        if (app is null)
        {
            return InvalidSettingsExitCode;
        }

        // Read before the run: a host that fails to start is disposed, services and all.
        var settings = app.Services.GetRequiredService<NodeSettings>();
        try
        {
            app.Run();
            return 0;
        }
        catch (Exception exception) when (exception is System.Net.Sockets.SocketException or IOException)
        {
            // Another program uses the port. The host has logged the exception, so this line names the setting.
            var key = exception is System.Net.Sockets.SocketException
                ? $"Dicom:BindAddress and Dicom:Port ({settings.Dicom.BindAddress}:{settings.Dicom.Port})"
                : $"Web:Url ({settings.Web.Url})";
            error.WriteLine($"ainode: the node did not start: cannot listen on {key}: {exception.Message.TrimEnd('.')}. Stop the program that uses the port or choose another port.");
            return InvalidSettingsExitCode;
        }
    }

    /// <summary>The built node, or null after writing one line per problem to <paramref name="error"/>.</summary>
    public static IHost? Build(string? settingsFile, TextWriter error)
    {
        var configuration = LoadConfiguration(settingsFile, error);
        if (configuration is null)
        {
            return null;
        }

        var errors = new List<string>();
        var settings = NodeSettings.Bind(configuration, errors);
        var startupLogging = new StartupLogging(CreateStartupLoggerFactory(configuration));
        StorageLock? storageLock = null;
        var lockErrors = new List<string>();
        var catalog = errors.Count == 0 ? CheckEnvironment(settings, startupLogging.Factory, errors, lockErrors, out storageLock) : null;
        if (lockErrors.Count > 0)
        {
            // Another node has locked the folders. The settings are valid, so the line does not call them invalid.
            startupLogging.Dispose();
            error.WriteLine($"ainode: the node did not start: {lockErrors[0]}.");
            return null;
        }

        if (catalog is null)
        {
            startupLogging.Dispose();
            foreach (var message in errors)
            {
                error.WriteLine($"ainode: invalid setting: {message}");
            }

            error.WriteLine($"ainode: the node did not start: {errors.Count} problem(s) in the settings ({SettingsFileName}, {EnvironmentPrefix}* environment variables).");
            return null;
        }

        var host = settings.Web.Enabled
            ? BuildWeb(configuration, settings, catalog, startupLogging)
            : BuildPlain(configuration, settings, catalog, startupLogging);

        // Released when the host stops, or with the process where the host never starts.
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(storageLock!.Dispose);
        return host;
    }

    private static IConfiguration? LoadConfiguration(string? settingsFile, TextWriter error)
    {
        if (settingsFile is not null && !File.Exists(settingsFile))
        {
            error.WriteLine($"ainode: the settings file \"{settingsFile}\" does not exist.");
            return null;
        }

        var builder = new ConfigurationBuilder()
            .SetBasePath(Environment.CurrentDirectory)
            .AddJsonFile(SettingsFileName, optional: true, reloadOnChange: false);
        if (settingsFile is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(settingsFile), optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        try
        {
            return builder.Build();
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            error.WriteLine($"ainode: a settings file is not valid JSON: {exception.Message}");
            return null;
        }
    }

    private static ModelPackCatalog? CheckEnvironment(NodeSettings settings, ILoggerFactory loggerFactory, List<string> errors, List<string> lockErrors, out StorageLock? storageLock)
    {
        storageLock = null;
        var jobStoreFolder = Path.GetDirectoryName(settings.JobStore.EffectiveSqlitePath(settings.Storage))!;
        StartupChecks.CheckWritable("Storage:Root", settings.Storage.RootPath, errors);
        StartupChecks.CheckWritable("JobStore:SqlitePath", jobStoreFolder, errors);
        if (errors.Count > 0 || StorageLock.TryAcquire([("Storage:Root", settings.Storage.RootPath), ("JobStore:SqlitePath", jobStoreFolder)], lockErrors) is not { } acquired)
        {
            return null;
        }

        var catalog = StartupChecks.LoadModelPacks(settings, loggerFactory, errors);
        if (catalog is null)
        {
            acquired.Dispose();
            return null;
        }

        storageLock = acquired;
        return catalog;
    }

    private static IHost BuildWeb(IConfiguration configuration, NodeSettings settings, ModelPackCatalog catalog, StartupLogging startupLogging)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Environment.CurrentDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseUrls(settings.Web.Url);
        NodeServices.Add(builder.Services, configuration, settings, catalog, startupLogging);
        var app = builder.Build();
        HealthEndpoint.Map(app);
        return app;
    }

    private static IHost BuildPlain(IConfiguration configuration, NodeSettings settings, ModelPackCatalog catalog, StartupLogging startupLogging)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Environment.CurrentDirectory });
        builder.Configuration.AddConfiguration(configuration);
        NodeServices.Add(builder.Services, configuration, settings, catalog, startupLogging);
        return builder.Build();
    }

    private static ILoggerFactory CreateStartupLoggerFactory(IConfiguration configuration) => LoggerFactory.Create(builder =>
    {
        builder.AddConfiguration(configuration.GetSection("Logging"));
        NodeServices.AddConsole(builder);
    });
}
