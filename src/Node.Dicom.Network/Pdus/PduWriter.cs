namespace Node.Dicom.Network.Pdus;

/// <summary>Encodes PDUs into one reused buffer; not thread-safe, so each connection owns one and writes under its send lock.</summary>
internal sealed class PduWriter
{
    private readonly PduBufferWriter _buffer = new();

    /// <summary>Encodes <paramref name="pdu"/>; the bytes stay valid until the next call.</summary>
    public ReadOnlyMemory<byte> Encode(Pdu pdu)
    {
        _buffer.Clear();
        pdu.WriteTo(_buffer);
        return _buffer.WrittenMemory;
    }

    /// <summary>Encodes a PDU into a new array, for tests and one-off sends.</summary>
    public static byte[] ToBytes(Pdu pdu)
    {
        var buffer = new PduBufferWriter();
        pdu.WriteTo(buffer);
        return buffer.WrittenMemory.ToArray();
    }
}
