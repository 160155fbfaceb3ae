using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Node.Dicom.Network.Server;

namespace Node.Host.Ingest;

/// <summary>
/// Runs the node's Storage SCP for the host's lifetime: binds the DICOM port on start, and on stop
/// lets running associations finish within the server's grace period before aborting them.
/// </summary>
public sealed class StoreScpService : IHostedService, IAsyncDisposable
{
    private readonly DicomServer _server;

    /// <param name="options">The server's settings; validated here, so invalid settings fail when the host builds the service.</param>
    /// <param name="handler">Receives every instance; the node's is <see cref="StoreScpHandler"/>.</param>
    /// <param name="loggerFactory">For the server's and the associations' logs.</param>
    /// <param name="timeProvider">Clock of the server's timers; the system clock where null.</param>
    /// <exception cref="ArgumentException">A setting in <paramref name="options"/> is out of range.</exception>
    public StoreScpService(DicomServerOptions options, IDicomStoreHandler handler, ILoggerFactory loggerFactory, TimeProvider? timeProvider = null)
    {
        _server = new DicomServer(options, handler, loggerFactory, timeProvider);
    }

    /// <summary>The address and port listened on, with the port the system picked where the options give 0.</summary>
    /// <exception cref="InvalidOperationException">The service has not started.</exception>
    public IPEndPoint LocalEndPoint => _server.LocalEndPoint;

    /// <summary>Binds the port and starts accepting associations.</summary>
    /// <exception cref="System.Net.Sockets.SocketException">The address or port cannot be bound, for example because another program uses it.</exception>
    public Task StartAsync(CancellationToken cancellationToken) => _server.StartAsync(cancellationToken);

    /// <summary>Stops accepting and waits for running associations; cancelling <paramref name="cancellationToken"/> (the host's shutdown timeout) aborts those left.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _server.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
