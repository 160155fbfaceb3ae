using System.Buffers.Binary;
using Node.Dicom.Network.Errors;

namespace Node.Dicom.Network.Pdus;

/// <summary>
/// Reads PDUs from a stream. The header's length is checked against the limit for its PDU type
/// before anything is allocated, and the body buffer grows only as bytes really arrive, so a peer
/// that announces 4 GB and sends nothing costs one small buffer.
/// </summary>
internal sealed class PduReader
{
    /// <summary>Largest A-ASSOCIATE-RQ or -AC accepted, in bytes after the header: room for 128 contexts with many transfer syntaxes and a user identity token.</summary>
    public const int DefaultMaxAssociatePduLength = 1024 * 1024;

    private const int InitialBufferLength = 16 * 1024;

    private readonly Stream _stream;
    private readonly int _maxPDataLength;
    private readonly int _maxAssociateLength;
    private readonly byte[] _header = new byte[PduLayout.HeaderLength];
    private byte[] _body = new byte[InitialBufferLength];

    /// <param name="stream">The connection, plain or TLS.</param>
    /// <param name="maxPDataLength">Largest P-DATA-TF PDU length accepted: the Maximum Length this side announced.</param>
    /// <param name="maxAssociateLength">Largest A-ASSOCIATE-RQ or -AC PDU length accepted.</param>
    public PduReader(Stream stream, int maxPDataLength, int maxAssociateLength = DefaultMaxAssociatePduLength)
    {
        _stream = stream;
        _maxPDataLength = maxPDataLength;
        _maxAssociateLength = maxAssociateLength;
    }

    /// <summary>
    /// Reads the next PDU. A P-DATA-TF's fragments point into a buffer reused by the next call.
    /// Returns null where the stream ends cleanly before a header.
    /// </summary>
    /// <exception cref="DicomProtocolException">The header or body breaks PS3.8.</exception>
    /// <exception cref="EndOfStreamException">The stream ended inside a PDU.</exception>
    public async ValueTask<Pdu?> ReadAsync(CancellationToken cancellationToken)
    {
        // Header: type (1), reserved (1), PDU length (4, big endian).
        var headerRead = await ReadAtMostAsync(_header, cancellationToken).ConfigureAwait(false);
        if (headerRead == 0)
        {
            return null;
        }

        if (headerRead < PduLayout.HeaderLength)
        {
            throw new EndOfStreamException($"The connection closed after {headerRead} of the {PduLayout.HeaderLength} PDU header bytes.");
        }

        var type = _header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(2));
        CheckLength(type, length);

        // Body: read into the reused buffer, grown as data comes in.
        var body = await ReadBodyAsync((int)length, cancellationToken).ConfigureAwait(false);
        return Parse((PduType)type, body);
    }

    /// <summary>Parses a PDU body of a known type; offsets in errors count from the header's first byte.</summary>
    public static Pdu Parse(PduType type, ReadOnlyMemory<byte> body)
    {
        var reader = new PduFieldReader(PduName(type), body, PduLayout.HeaderLength);
        return type switch
        {
            PduType.AAssociateRq => AAssociateRq.Parse(reader),
            PduType.AAssociateAc => AAssociateAc.Parse(reader),
            PduType.AAssociateRj => AAssociateRj.Parse(reader),
            PduType.PDataTf => PDataTf.Parse(reader),
            PduType.AReleaseRq => new AReleaseRq(),
            PduType.AReleaseRp => new AReleaseRp(),
            PduType.AAbort => AAbort.Parse(reader),
            _ => throw UnknownType((byte)type),
        };
    }

    public static string PduName(PduType type) => type switch
    {
        PduType.AAssociateRq => AAssociateRq.PduName,
        PduType.AAssociateAc => AAssociateAc.PduName,
        PduType.AAssociateRj => AAssociateRj.PduName,
        PduType.PDataTf => PDataTf.PduName,
        PduType.AReleaseRq => AReleaseRq.PduName,
        PduType.AReleaseRp => AReleaseRp.PduName,
        PduType.AAbort => AAbort.PduName,
        _ => $"PDU of unknown type 0x{(byte)type:X2}",
    };

    private void CheckLength(byte type, uint length)
    {
        const int lengthOffset = 2;
        switch ((PduType)type)
        {
            case PduType.AAssociateRq or PduType.AAssociateAc:
                if (length < PduLayout.AssociateFixedLength || length > (uint)_maxAssociateLength)
                {
                    throw TooLong(type, length, $"must be {PduLayout.AssociateFixedLength} to {_maxAssociateLength}");
                }

                break;
            case PduType.PDataTf:
                if (length > (uint)_maxPDataLength)
                {
                    throw TooLong(type, length, $"exceeds the maximum length {_maxPDataLength} this side announced");
                }

                break;
            case PduType.AAssociateRj or PduType.AReleaseRq or PduType.AReleaseRp or PduType.AAbort:
                if (length != PduLayout.ShortPduLength)
                {
                    throw TooLong(type, length, $"must be {PduLayout.ShortPduLength}");
                }

                break;
            default:
                throw UnknownType(type);
        }

        static DicomProtocolException TooLong(byte type, uint length, string rule) =>
            new(PduName((PduType)type), "PDU-length", lengthOffset, $"length {length} {rule}");
    }

    private static DicomProtocolException UnknownType(byte type) =>
        new(PduName((PduType)type), "PDU-type", 0, $"type 0x{type:X2} is not a PDU type of PS3.8", AbortReason.UnrecognizedPdu);

    private async ValueTask<ReadOnlyMemory<byte>> ReadBodyAsync(int length, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < length)
        {
            if (read == _body.Length)
            {
                Array.Resize(ref _body, (int)Math.Min((long)_body.Length * 2, length));
            }

            var chunk = _body.AsMemory(read, Math.Min(_body.Length, length) - read);
            var count = await _stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                throw new EndOfStreamException($"The connection closed after {read} of the {length} PDU body bytes.");
            }

            read += count;
        }

        return _body.AsMemory(0, length);
    }

    private async ValueTask<int> ReadAtMostAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var count = await _stream.ReadAsync(buffer[read..], cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                break;
            }

            read += count;
        }

        return read;
    }
}
