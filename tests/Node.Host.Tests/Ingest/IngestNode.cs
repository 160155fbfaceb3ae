using System.Net;
using Microsoft.Extensions.Logging;
using Node.Dicom.Network.Server;
using Node.Host.Ingest;
using Node.Host.Jobs.Sqlite;

namespace Node.Host.Tests.Ingest;

/// <summary>
/// The node's ingest as the host runs it, in a temporary folder. It has a real SQLite job store, the
/// instance store, a disk guard whose free-space reading the test sets, the handler, and the
/// Store SCP service on a free loopback port.
/// </summary>
internal sealed class IngestNode : IAsyncDisposable
{
    public const string AeTitle = "AINODE";

    /// <summary>Margin of the disk guard in these tests, in MiB.</summary>
    public const long MarginMegabytes = 100;

    /// <summary>Bound on every await against the node.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>Free bytes the disk guard reads; plenty until a test lowers it.</summary>
    private long _freeBytes = 1L << 40;

    private IngestNode(string folder)
    {
        Folder = folder;
        InstancesRoot = Path.Combine(folder, "var", "instances");
        Jobs = new SqliteJobStore(Path.Combine(folder, "var", "jobs.db"), TimeSpan.FromSeconds(10), Logs.CreateLogger<SqliteJobStore>());
        Instances = new InstanceStore(InstancesRoot, Logs.CreateLogger<InstanceStore>());
        DiskSpace = new DiskSpaceGuard(MarginMegabytes, () => Interlocked.Read(ref _freeBytes), Logs.CreateLogger<DiskSpaceGuard>());
        Handler = new StoreScpHandler(Instances, DiskSpace, Jobs, TimeProvider.System, Logs.CreateLogger<StoreScpHandler>());
    }

    /// <summary>The test's temporary folder, which contains the storage root "var" and the test's own files.</summary>
    public string Folder { get; }

    public string InstancesRoot { get; }

    public TestLoggerFactory Logs { get; } = new(LogLevel.Trace);

    public SqliteJobStore Jobs { get; }

    public InstanceStore Instances { get; }

    public DiskSpaceGuard DiskSpace { get; }

    public StoreScpHandler Handler { get; }

    public StoreScpService? Service { get; private set; }

    public int Port => Service!.LocalEndPoint.Port;

    public long FreeBytes
    {
        set => Interlocked.Exchange(ref _freeBytes, value);
    }

    /// <summary>Builds the node with an initialized job store; the service is not started.</summary>
    public static async Task<IngestNode> CreateAsync()
    {
        var node = new IngestNode(Directory.CreateTempSubdirectory("ainode-ingest-").FullName);
        await node.Jobs.InitializeAsync().WaitAsync(Guard);
        return node;
    }

    /// <summary>Starts the Store SCP service on a free loopback port.</summary>
    public async Task StartAsync(Action<DicomServerOptions>? configure = null)
    {
        var options = new DicomServerOptions { AeTitle = AeTitle, BindAddress = IPAddress.Loopback, Port = 0, ShutdownGracePeriod = TimeSpan.FromSeconds(2) };
        configure?.Invoke(options);
        Service = new StoreScpService(options, Handler, Logs);
        await Service.StartAsync(CancellationToken.None).WaitAsync(Guard);
    }

    /// <summary>Every file under the instances root, staging folder included, relative to the root with '/'.</summary>
    public IReadOnlyList<string> InstanceFiles() =>
        [.. Directory.GetFiles(InstancesRoot, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(InstancesRoot, path).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.StopAsync(CancellationToken.None).WaitAsync(Guard);
            await Service.DisposeAsync();
        }

        Jobs.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
