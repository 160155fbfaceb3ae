using System.Buffers.Binary;
using System.Text;
using Node.Dicom.Network.Errors;

namespace Node.Dicom.Network.Pdus;

/// <summary>
/// Reads the named fields of one PDU body or item value. Every read checks the field against the
/// bytes left in its container first, so a lying length becomes a <see cref="DicomProtocolException"/>
/// naming the PDU, the field and its offset from the first byte of the PDU header.
/// </summary>
internal struct PduFieldReader
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly long _baseOffset;
    private int _position;

    public PduFieldReader(string pdu, ReadOnlyMemory<byte> bytes, long baseOffset)
    {
        Pdu = pdu;
        _bytes = bytes;
        _baseOffset = baseOffset;
    }

    /// <summary>The PDU name used in error messages.</summary>
    public string Pdu { get; }

    public readonly int Remaining => _bytes.Length - _position;

    public readonly bool IsAtEnd => _position >= _bytes.Length;

    /// <summary>Offset of the next field from the first byte of the PDU header.</summary>
    public readonly long Offset => _baseOffset + _position;

    public byte ReadByte(string field)
    {
        Require(1, field);
        return _bytes.Span[_position++];
    }

    public ushort ReadUInt16(string field)
    {
        Require(2, field);
        var value = BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[_position..]);
        _position += 2;
        return value;
    }

    public uint ReadUInt32(string field)
    {
        Require(4, field);
        var value = BinaryPrimitives.ReadUInt32BigEndian(_bytes.Span[_position..]);
        _position += 4;
        return value;
    }

    public ReadOnlyMemory<byte> ReadBytes(int count, string field)
    {
        Require(count, field);
        var value = _bytes.Slice(_position, count);
        _position += count;
        return value;
    }

    public void Skip(int count, string field) => ReadBytes(count, field);

    /// <summary>Reads <paramref name="count"/> bytes as a UID, dropping trailing NUL and space padding.</summary>
    public string ReadUid(int count, string field) => PduText.DecodeUid(ReadBytes(count, field).Span);

    /// <summary>Reads a 16-byte AE title field; the value keeps every byte (Latin-1) so a validator can reject it.</summary>
    public string ReadAeTitle(string field) => PduText.DecodeAeTitle(ReadBytes(PduLayout.AeTitleLength, field).Span);

    /// <summary>Returns a reader over the next <paramref name="length"/> bytes (an item's value) and moves past them.</summary>
    public PduFieldReader ReadItem(int length, string field)
    {
        var start = Offset;
        Require(length, field);
        var item = new PduFieldReader(Pdu, _bytes.Slice(_position, length), start);
        _position += length;
        return item;
    }

    public readonly string ReadRemainingText() => Encoding.Latin1.GetString(_bytes.Span[_position..]);

    private readonly void Require(int count, string field)
    {
        if (count < 0 || count > Remaining)
        {
            ThrowOverrun(Pdu, field, Offset, count, Remaining);
        }
    }

    private static void ThrowOverrun(string pdu, string field, long offset, long count, int remaining) =>
        throw new DicomProtocolException(pdu, field, offset, $"needs {count} bytes but only {remaining} remain in its container");
}
