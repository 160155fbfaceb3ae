namespace Node.Dicom.Tests.Support;

/// <summary>
/// A read-only stream over bytes that hides its length and cannot seek, as a network stream
/// does, so the reader must take its stream path with no known end.
/// </summary>
internal sealed class NonSeekableStream(byte[] bytes) : Stream
{
    /// <summary>The bytes handed out; its position is the only state.</summary>
    private readonly MemoryStream _inner = new(bytes, writable: false);

    /// <summary>How many bytes the reader has taken so far, to check where it stopped.</summary>
    public long BytesRead => _inner.Position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => _inner.Read(buffer);

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
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
