using System.Net;
using Node.Dicom.Network.Server;

namespace Node.Dicom.Network.Tests.Support;

/// <summary>Builds servers on a fresh loopback port.</summary>
internal static class TestServers
{
    /// <summary>Bound on every await in the network tests.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    public static DicomServerOptions Options(Action<DicomServerOptions>? configure = null)
    {
        var options = new DicomServerOptions { BindAddress = IPAddress.Loopback, Port = 0, ShutdownGracePeriod = TimeSpan.FromSeconds(2) };
        configure?.Invoke(options);
        return options;
    }

    public static async Task<DicomServer> StartAsync(IDicomStoreHandler handler, Action<DicomServerOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var server = new DicomServer(Options(configure), handler, TestLoggerFactory.OutputOnly, timeProvider);
        await server.StartAsync();
        return server;
    }
}
