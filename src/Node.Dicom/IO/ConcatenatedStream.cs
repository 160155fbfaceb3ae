namespace Node.Dicom.IO;

/// <summary>A read-only, forward-only stream that reads one stream to its end, then the next.</summary>
internal sealed class ConcatenatedStream(Stream first, Stream second) : Stream
{
    /// <summary>True once <c>first</c> has returned its last byte.</summary>
    private bool _firstDone;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!_firstDone)
        {
            var read = first.Read(buffer);
            if (read > 0)
            {
                return read;
            }

            _firstDone = true;
        }

        return second.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
