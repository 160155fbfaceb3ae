using System.IO.Compression;
using Node.Dicom.Errors;

namespace Node.Dicom.IO;

/// <summary>
/// Inflates a raw DEFLATE stream (RFC 1951, no zlib header, as Deflated Explicit VR Little
/// Endian uses) and fails once the inflated bytes pass a cap, so a small input cannot expand
/// without bound.
/// </summary>
internal sealed class InflatingStream(Stream compressed, long maxInflatedLength, long compressedOffset) : Stream
{
    /// <summary>The decompressor over the compressed bytes.</summary>
    private readonly DeflateStream _inflater = new(compressed, CompressionMode.Decompress, leaveOpen: true);

    /// <summary>Inflated bytes returned so far.</summary>
    private long _inflated;

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
        int read;
        try
        {
            read = _inflater.Read(buffer);
        }
        catch (InvalidDataException exception)
        {
            throw new DicomFormatException($"the deflated data set is not a valid raw DEFLATE stream: {exception.Message}", compressedOffset, innerException: exception);
        }

        _inflated += read;
        if (_inflated > maxInflatedLength)
        {
            throw new DicomFormatException($"the deflated data set inflates past the cap of {maxInflatedLength} bytes (DicomReadOptions.MaxInflatedLength)", compressedOffset);
        }

        return read;
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
            _inflater.Dispose();
        }

        base.Dispose(disposing);
    }
}
