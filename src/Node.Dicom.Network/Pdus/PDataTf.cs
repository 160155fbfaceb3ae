using Node.Dicom.Network.Errors;

namespace Node.Dicom.Network.Pdus;

/// <summary>P-DATA-TF (type 0x04, PS3.8 9.3.5): one or more PDV items filling the PDU length exactly.</summary>
public sealed record PDataTf(IReadOnlyList<PresentationDataValue> Values) : Pdu
{
    public const string PduName = "P-DATA-TF";

    /// <summary>Smallest PDV item length: the context ID and control header; a fragment may be empty.</summary>
    private const uint MinPdvItemLength = 2;

    /// <summary>Message control header bits other than command and last fragment, which PS3.8 fixes at 0.</summary>
    private const byte ReservedControlBits = 0xFC;

    public override PduType Type => PduType.PDataTf;

    public override string Name => PduName;

    internal static PDataTf Parse(PduFieldReader reader)
    {
        if (reader.IsAtEnd)
        {
            throw new DicomProtocolException(PduName, "PDU-length", 2, "holds no PDV item");
        }

        var values = new List<PresentationDataValue>();
        while (!reader.IsAtEnd)
        {
            // Item length counts the context ID, the control header and the fragment.
            var itemOffset = reader.Offset;
            var itemLength = reader.ReadUInt32("PDV Item-length");
            if (itemLength < MinPdvItemLength || itemLength > reader.Remaining)
            {
                throw new DicomProtocolException(PduName, "PDV Item-length", itemOffset, $"item length {itemLength} does not fit the {reader.Remaining} bytes left in the PDU (minimum {MinPdvItemLength})");
            }

            var contextId = reader.ReadByte("Presentation-context-ID");
            var headerOffset = reader.Offset;
            var header = reader.ReadByte("Message Control Header");
            if ((header & ReservedControlBits) != 0)
            {
                throw new DicomProtocolException(PduName, "Message Control Header", headerOffset, $"reserved bits are set in 0x{header:X2}");
            }

            var fragment = reader.ReadBytes((int)itemLength - 2, "Presentation data value");
            values.Add(new PresentationDataValue(contextId, (header & PduLayout.CommandBit) != 0, (header & PduLayout.LastFragmentBit) != 0, fragment));
        }

        return new PDataTf(values);
    }

    internal override void WriteTo(PduBufferWriter writer)
    {
        var lengthAt = writer.BeginPdu(Type);
        foreach (var value in Values)
        {
            writer.WriteUInt32((uint)(value.Fragment.Length + 2));
            writer.WriteByte(value.PresentationContextId);
            writer.WriteByte(value.ControlHeader);
            writer.WriteBytes(value.Fragment.Span);
        }

        writer.EndPdu(lengthAt);
    }
}
