using System.Buffers;
using System.Threading.Channels;

namespace Node.Dicom.Network.Dimse;

/// <summary>
/// Carries one incoming data set from the connection's read loop to a handler as a read-only
/// stream. At most <see cref="Capacity"/> fragments wait in it, so a slow handler slows the
/// peer down (TCP flow control) instead of filling memory. Once the handler closes the stream,
/// later fragments are dropped. Each fragment is copied into an array rented from the shared
/// pool, and the array goes back to the pool once the handler has read it, so a stream of
/// instances does not allocate per fragment.
/// </summary>
internal sealed class DataSetPipe : Stream
{
    /// <summary>Fragments buffered between the read loop and the handler.</summary>
    public const int Capacity = 8;

    /// <summary>Copies of the received fragments, in order.</summary>
    private readonly Channel<RentedFragment> _channel = Channel.CreateBounded<RentedFragment>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Unread rest of the fragment being read.</summary>
    private ReadOnlyMemory<byte> _current;

    /// <summary>The rented array behind <see cref="_current"/>; null when none is held.</summary>
    private byte[]? _currentArray;

    /// <summary>Set when the handler closed its side; the writer then drops fragments.</summary>
    private volatile bool _readerClosed;

    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>Queues a copy of a fragment, waiting while the pipe is full.</summary>
    public async ValueTask WriteFragmentAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken)
    {
        if (_readerClosed || fragment.IsEmpty)
        {
            return;
        }

        var array = ArrayPool<byte>.Shared.Rent(fragment.Length);
        fragment.CopyTo(array);
        try
        {
            await _channel.Writer.WriteAsync(new RentedFragment(array, fragment.Length), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(array);
            throw;
        }
    }

    /// <summary>Ends the data set; a reader then gets end of stream, or <paramref name="error"/> where one is given.</summary>
    public void Complete(Exception? error = null) => _channel.Writer.TryComplete(error);

    /// <summary>Closes the handler's side and releases a writer waiting on a full pipe.</summary>
    public void CloseReader()
    {
        _readerClosed = true;
        ReleaseCurrent();
        while (_channel.Reader.TryRead(out var fragment))
        {
            ArrayPool<byte>.Shared.Return(fragment.Array);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_current.IsEmpty)
        {
            if (TryTakeNext())
            {
                continue;
            }

            if (!await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }
        }

        return Take(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>
    /// Blocks until a fragment arrives. The handler runs on a pool thread of its own and the Part
    /// 10 reader reads synchronously, so this wait stalls only that handler.
    /// </summary>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_current.IsEmpty)
        {
            if (TryTakeNext())
            {
                continue;
            }

            if (!_channel.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                return 0;
            }
        }

        return Take(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseReader();
        }

        base.Dispose(disposing);
    }

    /// <summary>Returns the array of the fragment read to its end, and makes the next queued fragment current where one is waiting.</summary>
    private bool TryTakeNext()
    {
        ReleaseCurrent();
        if (!_channel.Reader.TryRead(out var fragment))
        {
            return false;
        }

        _currentArray = fragment.Array;
        _current = fragment.Array.AsMemory(0, fragment.Length);
        return true;
    }

    /// <summary>Returns the current fragment's array to the pool, once even where a reader and <see cref="CloseReader"/> race.</summary>
    private void ReleaseCurrent()
    {
        _current = ReadOnlyMemory<byte>.Empty;
        if (Interlocked.Exchange(ref _currentArray, null) is { } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private int Take(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _current.Length);
        _current.Span[..count].CopyTo(buffer);
        _current = _current[count..];
        _position += count;
        return count;
    }
}
