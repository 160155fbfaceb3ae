using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Node.Dicom.Network.Logging;
using Node.Dicom.Network.Transport;

namespace Node.Dicom.Network.Server;

/// <summary>
/// A DICOM Storage and Verification SCP: listens on TCP (optionally TLS), negotiates
/// associations and hands each received instance to an <see cref="IDicomStoreHandler"/>.
/// </summary>
/// <remarks>
/// The accept loop runs on one task; each connection runs on a task of its own, tracked in
/// <see cref="_connections"/> until it ends. The association count is an interlocked counter,
/// changed only when a request is accepted and when that association ends.
/// </remarks>
public sealed class DicomServer : IAsyncDisposable
{
    /// <summary>Validated settings; not changed after construction.</summary>
    private readonly DicomServerOptions _options;

    private readonly IDicomStoreHandler _handler;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    /// <summary>Running connections by id, with the task that serves each.</summary>
    private readonly ConcurrentDictionary<string, (ServerAssociation Association, Task Task)> _connections = new();

    /// <summary>Stops the accept loop.</summary>
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Associations accepted and not yet ended.</summary>
    private int _associations;

    /// <summary>Source of connection ids.</summary>
    private long _nextId;

    private TcpListener? _listener;
    private Task? _acceptLoop;

    public DicomServer(DicomServerOptions options, IDicomStoreHandler handler, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        options.Validate();
        _options = options;
        _handler = handler;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<DicomServer>();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The address and port listened on; with port 0 in the options, the port the system picked.</summary>
    /// <exception cref="InvalidOperationException">The server has not started.</exception>
    public IPEndPoint LocalEndPoint => (IPEndPoint?)_listener?.LocalEndpoint ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>Associations accepted and still running.</summary>
    public int ActiveAssociations => Volatile.Read(ref _associations);

    /// <summary>Open connections, associated or not.</summary>
    public int OpenConnections => _connections.Count;

    /// <summary>Binds and starts accepting connections.</summary>
    /// <exception cref="SocketException">The address or port cannot be bound.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_listener is not null)
        {
            throw new InvalidOperationException("The server has already started.");
        }

        // The listener is kept only once bound, so a failed start leaves the server as if never started.
        var listener = new TcpListener(_options.BindAddress, _options.Port);
        try
        {
            listener.Start();
        }
        catch (SocketException)
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        Log.ServerStarted(_logger, _options.AeTitle, LocalEndPoint.ToString(), TransportName(_options.Tls));
        _acceptLoop = AcceptLoopAsync();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops accepting, lets running associations finish within the grace period, then aborts
    /// those left. Cancelling <paramref name="cancellationToken"/> cuts the grace period short.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_listener is null || _stopping.IsCancellationRequested)
        {
            return;
        }

        // Stop accepting.
        Log.ServerStopping(_logger, _connections.Count);
        _stopping.Cancel();
        _listener.Stop();
        await _acceptLoop!.ConfigureAwait(false);

        // Let running associations finish within the grace period.
        var running = _connections.Values.Select(connection => connection.Task).ToArray();
        try
        {
            await Task.WhenAll(running).WaitAsync(_options.ShutdownGracePeriod, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // Abort the rest; each sends A-ABORT and closes.
            Log.AbortingAfterGrace(_logger, _connections.Count, _options.ShutdownGracePeriod.TotalMilliseconds);
            foreach (var connection in _connections.Values)
            {
                connection.Association.Abort();
            }

            await Task.WhenAll(_connections.Values.Select(connection => connection.Task)).ConfigureAwait(false);
        }

        Log.ServerStopped(_logger);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>Takes an association slot; false when <see cref="DicomServerOptions.MaxAssociations"/> are already taken.</summary>
    internal bool TryEnterAssociation()
    {
        if (Interlocked.Increment(ref _associations) <= _options.MaxAssociations)
        {
            return true;
        }

        Interlocked.Decrement(ref _associations);
        return false;
    }

    internal void LeaveAssociation() => Interlocked.Decrement(ref _associations);

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (_stopping.IsCancellationRequested && exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception)
            {
                Log.AcceptFailed(_logger, exception);
                return;
            }

            socket.NoDelay = true;
            Start(socket);
        }
    }

    private void Start(Socket socket)
    {
        var id = $"{Interlocked.Increment(ref _nextId)}";
        var association = new ServerAssociation(this, socket, id, _options, _handler, _timeProvider, _loggerFactory.CreateLogger("Node.Dicom.Network.Association"));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = RunAsync(association, started.Task);
        _connections[id] = (association, task);
        started.SetResult();
    }

    /// <summary>Serves one connection and removes it from the table when it ends, whatever the outcome.</summary>
    private async Task RunAsync(ServerAssociation association, Task registered)
    {
        await registered.ConfigureAwait(false);
        try
        {
            await association.RunAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A fault that escaped the association's own handling; this connection is lost, the server keeps serving.
            Log.ConnectionFailed(_logger, exception);
        }
        finally
        {
            _connections.TryRemove(association.Id, out _);
        }
    }

    /// <summary>Names the transport for the start line: plain TCP, TLS, or TLS with client certificates.</summary>
    private static string TransportName(DicomTlsServerOptions? tls) => tls switch
    {
        null => "TCP without TLS",
        { RequireClientCertificate: true } => "TLS, client certificate required",
        _ => "TLS",
    };
}
