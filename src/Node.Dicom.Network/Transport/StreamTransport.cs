using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Node.Dicom.Network.Errors;
using Node.Dicom.Network.Logging;
using Node.Dicom.Network.Pdus;
using Node.Dicom.Network.StateMachine;

namespace Node.Dicom.Network.Transport;

/// <summary>
/// A TCP connection, plain or TLS, seen as PDUs. Every read and write has a deadline; a write that
/// runs past it closes the connection and raises <see cref="DicomNetworkTimeoutException"/>.
/// </summary>
internal sealed class StreamTransport : IUpperLayerTransport, IDisposable
{
    /// <summary>The socket, kept to shut it down even while a TLS stream wraps it.</summary>
    private readonly Socket _socket;

    /// <summary>Deadline clock; the same provider that drives ARTIM.</summary>
    private readonly TimeProvider _timeProvider;

    /// <summary>Logs the first reason the connection closed.</summary>
    private readonly ILogger _logger;

    /// <summary>Opens the stream for a requestor (connect and TLS handshake); null on an accepted connection.</summary>
    private readonly Func<CancellationToken, ValueTask<Stream>>? _connect;

    /// <summary>Encodes outgoing PDUs; used only under the state machine's semaphore.</summary>
    private readonly PduWriter _writer = new();

    /// <summary>Set to 1 by the first close; later closes do nothing.</summary>
    private int _closed;

    private Stream? _stream;
    private PduReader? _reader;

    /// <summary>Wraps an accepted connection whose stream (plain or TLS) is ready.</summary>
    public StreamTransport(Socket socket, Stream stream, TransportLimits limits, TimeProvider timeProvider, ILogger logger)
    {
        _socket = socket;
        _timeProvider = timeProvider;
        _logger = logger;
        Limits = limits;
        Attach(stream);
    }

    /// <summary>Wraps a requestor's socket; <paramref name="connect"/> runs at AE-1 and returns the stream to use.</summary>
    public StreamTransport(Socket socket, Func<CancellationToken, ValueTask<Stream>> connect, TransportLimits limits, TimeProvider timeProvider, ILogger logger)
    {
        _socket = socket;
        _connect = connect;
        _timeProvider = timeProvider;
        _logger = logger;
        Limits = limits;
    }

    public TransportLimits Limits { get; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public async ValueTask ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connect is null)
        {
            throw new InvalidOperationException("An accepted connection is already open; only a requestor connects.");
        }

        Attach(await _connect(cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask SendAsync(Pdu pdu, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new DicomConnectionException("The connection is not open.");
        var bytes = _writer.Encode(pdu);
        using var deadline = Deadline(Limits.WriteTimeout, cancellationToken);
        try
        {
            await stream.WriteAsync(bytes, deadline.Token).ConfigureAwait(false);
            await stream.FlushAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Close($"writing {pdu.Name} timed out");
            throw new DicomNetworkTimeoutException($"Write {pdu.Name}", Limits.WriteTimeout);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or SocketException)
        {
            Close($"writing {pdu.Name} failed");
            throw new DicomConnectionException($"Writing {pdu.Name} failed: {exception.Message}", exception);
        }
    }

    /// <summary>Reads the next PDU; null where the peer closed the connection cleanly between PDUs.</summary>
    /// <param name="timeout">How long to wait; null waits until the connection closes (ARTIM bounds those waits).</param>
    /// <param name="cancellationToken">Cancels the read with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="DicomProtocolException">The bytes break PS3.8.</exception>
    /// <exception cref="DicomNetworkTimeoutException">Nothing complete arrived within <paramref name="timeout"/>.</exception>
    /// <exception cref="EndOfStreamException">The connection closed inside a PDU.</exception>
    public async ValueTask<Pdu?> ReadAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var reader = _reader ?? throw new DicomConnectionException("The connection is not open.");
        using var deadline = Deadline(timeout, cancellationToken);
        try
        {
            return await reader.ReadAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout is { } limit)
        {
            throw new DicomNetworkTimeoutException("Read PDU", limit);
        }
    }

    /// <summary>Reads and drops bytes until the peer closes; used after a fault left the stream out of step with the PDU boundaries.</summary>
    public async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new DicomConnectionException("The connection is not open.");
        var sink = new byte[4096];
        while (await stream.ReadAsync(sink, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    public void Close() => Close("closed by the Upper Layer");

    /// <summary>Closes the connection once, logging the first reason; later calls do nothing.</summary>
    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        Log.ConnectionClosed(_logger, reason);
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The peer may have closed first; the socket is disposed below either way.
        }

        _stream?.Dispose();
        _socket.Dispose();
    }

    public void Dispose() => Close("disposed");

    private void Attach(Stream stream)
    {
        _stream = stream;
        _reader = new PduReader(stream, Limits.MaxPDataLength, Limits.MaxAssociatePduLength);
    }

    private DeadlineScope Deadline(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        // A source of the injected clock, so a fake clock in tests drives deadlines too.
        var source = timeout is { } limit && limit != Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource(limit, _timeProvider)
            : new CancellationTokenSource();
        var link = cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), source);
        return new DeadlineScope(source, link);
    }

    /// <summary>
    /// A deadline merged with the caller's token. Disposing it unlinks the caller's token first
    /// (waiting for a running callback) and then stops the timer, so no callback can reach a
    /// disposed source.
    /// </summary>
    private sealed class DeadlineScope(CancellationTokenSource source, CancellationTokenRegistration link) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            link.Dispose();
            source.Dispose();
        }
    }
}
