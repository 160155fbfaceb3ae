using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Node.Dicom.Network.Pdus;

/// <summary>
/// Builds PDU bytes in one growing buffer. Length fields are written as placeholders and patched
/// when their item or PDU ends, so no length is computed twice.
/// </summary>
internal sealed class PduBufferWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.WrittenMemory;

    public int Length => _buffer.WrittenCount;

    public void Clear() => _buffer.ResetWrittenCount();

    public void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public void WriteZeros(int count)
    {
        _buffer.GetSpan(count)[..count].Clear();
        _buffer.Advance(count);
    }

    /// <summary>Writes a UID without padding: PS3.8 sends UIDs in items unpadded.</summary>
    public void WriteAscii(string text) => WriteBytes(Encoding.Latin1.GetBytes(text));

    /// <summary>Starts a PDU: type, reserved byte and a 4-byte length to patch with <see cref="EndPdu"/>.</summary>
    public int BeginPdu(PduType type)
    {
        WriteByte((byte)type);
        WriteByte(0);
        var lengthAt = Length;
        WriteUInt32(0);
        return lengthAt;
    }

    public void EndPdu(int lengthAt) => PatchUInt32(lengthAt, (uint)(Length - lengthAt - 4));

    /// <summary>Starts an item: type, reserved byte and a 2-byte length to patch with <see cref="EndItem"/>.</summary>
    public int BeginItem(byte itemType)
    {
        WriteByte(itemType);
        WriteByte(0);
        var lengthAt = Length;
        WriteUInt16(0);
        return lengthAt;
    }

    /// <exception cref="InvalidOperationException">The item is longer than its 16-bit length field can state.</exception>
    public void EndItem(int lengthAt)
    {
        var length = Length - lengthAt - 2;
        if (length > ushort.MaxValue)
        {
            throw new InvalidOperationException($"An item of {length} bytes does not fit its 16-bit length field.");
        }

        PatchUInt16(lengthAt, (ushort)length);
    }

    /// <summary>Writes a whole item whose value is a UID or other text.</summary>
    public void WriteTextItem(byte itemType, string text)
    {
        var lengthAt = BeginItem(itemType);
        WriteAscii(text);
        EndItem(lengthAt);
    }

    private void PatchUInt32(int at, uint value) =>
        BinaryPrimitives.WriteUInt32BigEndian(System.Runtime.InteropServices.MemoryMarshal.AsMemory(_buffer.WrittenMemory).Span[at..], value);

    private void PatchUInt16(int at, ushort value) =>
        BinaryPrimitives.WriteUInt16BigEndian(System.Runtime.InteropServices.MemoryMarshal.AsMemory(_buffer.WrittenMemory).Span[at..], value);
}
