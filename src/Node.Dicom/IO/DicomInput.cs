using System.Buffers.Binary;
using Node.Dicom.Errors;
using Node.Dicom.Tags;

namespace Node.Dicom.IO;

/// <summary>
/// The bytes a reader parses: either one array in memory, whose values are handed out as
/// slices without copying, or a stream read through a refilled buffer, whose values are copied
/// out once. Every read checks its length against what remains, so no length field from the
/// input can size an allocation larger than the input.
/// </summary>
internal sealed class DicomInput
{
    private const int StreamBufferSize = 64 * 1024;

    /// <summary>
    /// Values longer than this are read from a stream of unknown length into an array that
    /// starts at this size and doubles as bytes arrive, rather than one of the full length.
    /// </summary>
    private const int UnknownLengthFirstChunk = 64 * 1024;

    /// <summary>The bytes being parsed: the whole input in memory mode, or the refill buffer in stream mode.</summary>
    private byte[] _data;

    /// <summary>Index in <see cref="_data"/> of the next unread byte.</summary>
    private int _position;

    /// <summary>Index in <see cref="_data"/> one past the last valid byte.</summary>
    private int _end;

    /// <summary>Absolute input offset of <c>_data[0]</c>, used for offsets in error messages.</summary>
    private long _dataOffset;

    /// <summary>The source in stream mode; null in memory mode.</summary>
    private readonly Stream? _stream;

    /// <summary>Absolute length of the input where it is known: always in memory mode, for seekable streams in stream mode.</summary>
    private readonly long? _length;

    public DicomInput(ReadOnlyMemory<byte> bytes, long baseOffset = 0)
    {
        if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0)
        {
            _data = segment.Array!;
            _end = segment.Count;
        }
        else
        {
            _data = bytes.ToArray();
            _end = _data.Length;
        }

        _dataOffset = baseOffset;
        _length = baseOffset + _end;
    }

    public DicomInput(Stream stream, long baseOffset = 0)
    {
        _stream = stream;
        _data = new byte[StreamBufferSize];
        _dataOffset = baseOffset;
        if (stream.CanSeek)
        {
            _length = baseOffset + (stream.Length - stream.Position);
        }
    }

    /// <summary>Absolute offset of the next unread byte.</summary>
    public long Position => _dataOffset + _position;

    /// <summary>Bytes left in the input, or null for a stream of unknown length.</summary>
    public long? Remaining => _length - Position;

    public bool IsMemory => _stream is null;

    /// <summary>True when no byte is left.</summary>
    public bool IsAtEnd => !TryEnsure(1);

    /// <summary>Makes <paramref name="count"/> bytes available at the current position; false at the end of the input.</summary>
    public bool TryEnsure(int count)
    {
        if (_end - _position >= count)
        {
            return true;
        }

        return _stream is not null && Refill(count);
    }

    /// <summary>Returns the next <paramref name="count"/> bytes without consuming them (count at most 64 KiB).</summary>
    public ReadOnlySpan<byte> Peek(int count, string field)
    {
        Require(count, field);
        return _data.AsSpan(_position, count);
    }

    public ushort ReadUInt16(bool bigEndian, string field)
    {
        Require(2, field);
        var span = _data.AsSpan(_position, 2);
        _position += 2;
        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);
    }

    public uint ReadUInt32(bool bigEndian, string field)
    {
        Require(4, field);
        var span = _data.AsSpan(_position, 4);
        _position += 4;
        return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
    }

    public void Skip(int count, string field)
    {
        Require(count, field);
        _position += count;
    }

    /// <summary>
    /// Reads a value of <paramref name="length"/> bytes: a slice of the input in memory mode, a
    /// new array in stream mode.
    /// </summary>
    /// <exception cref="DicomFormatException">Fewer than <paramref name="length"/> bytes remain, or no array can hold that many.</exception>
    public ReadOnlyMemory<byte> ReadValue(uint length, DicomTag tag)
    {
        if (Remaining is { } remaining && length > remaining)
        {
            throw new DicomFormatException($"value length {length} exceeds the {remaining} bytes that remain", Position, tag);
        }

        if (length > Array.MaxLength)
        {
            throw new DicomFormatException($"value length {length} exceeds the largest array .NET can hold, {Array.MaxLength} bytes", Position, tag);
        }

        if (_stream is null)
        {
            var slice = new ReadOnlyMemory<byte>(_data, _position, (int)length);
            _position += (int)length;
            return slice;
        }

        return _length is null && length > UnknownLengthFirstChunk ? ReadGrowing((int)length, tag) : ReadIntoNewArray((int)length, tag);
    }

    /// <summary>Returns the unread rest of the input as a stream, for inflating a deflated data set.</summary>
    public Stream RestAsStream()
    {
        var buffered = new MemoryStream(_data, _position, _end - _position, writable: false);
        _position = _end;
        return _stream is null ? buffered : new ConcatenatedStream(buffered, _stream);
    }

    private void Require(int count, string field)
    {
        if (!TryEnsure(count))
        {
            throw new DicomFormatException($"unexpected end of input while reading {field}: {count} bytes needed, {_end - _position} left", Position);
        }
    }

    private ReadOnlyMemory<byte> ReadIntoNewArray(int length, DicomTag tag)
    {
        var value = new byte[length];
        var copied = Math.Min(length, _end - _position);
        _data.AsSpan(_position, copied).CopyTo(value);
        _position += copied;
        while (copied < length)
        {
            var read = _stream!.Read(value, copied, length - copied);
            if (read == 0)
            {
                throw new DicomFormatException($"unexpected end of input inside a value of {length} bytes, {copied} read", Position, tag);
            }

            copied += read;
            _dataOffset += read;
        }

        return value;
    }

    /// <summary>
    /// Reads a long value from a stream of unknown length into an array that doubles as bytes
    /// arrive. A false length field then costs at most 64 KiB or about four times the bytes the
    /// stream really holds, and a true one about one extra copy of the value.
    /// </summary>
    private byte[] ReadGrowing(int length, DicomTag tag)
    {
        var value = new byte[UnknownLengthFirstChunk];
        var copied = Math.Min(value.Length, _end - _position);
        _data.AsSpan(_position, copied).CopyTo(value);
        _position += copied;
        while (copied < length)
        {
            if (copied == value.Length)
            {
                Array.Resize(ref value, (int)Math.Min(length, 2L * value.Length));
            }

            var read = _stream!.Read(value, copied, value.Length - copied);
            if (read == 0)
            {
                throw new DicomFormatException($"unexpected end of input inside a value of {length} bytes, {copied} read", Position, tag);
            }

            copied += read;
            _dataOffset += read;
        }

        return value;
    }

    private bool Refill(int count)
    {
        if (count > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(count, _data.Length * 2));
        }

        var kept = _end - _position;
        Buffer.BlockCopy(_data, _position, _data, 0, kept);
        _dataOffset += _position;
        _position = 0;
        _end = kept;
        while (_end < count)
        {
            var read = _stream!.Read(_data, _end, _data.Length - _end);
            if (read == 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }
}
