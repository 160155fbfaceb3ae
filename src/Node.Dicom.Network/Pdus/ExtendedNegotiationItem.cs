namespace Node.Dicom.Network.Pdus;

/// <summary>SOP Class Extended Negotiation sub-item (type 0x56, PS3.7 D.3.3.5): UID length (2), SOP class UID, service-class application information.</summary>
public sealed record ExtendedNegotiationItem(string SopClassUid, ReadOnlyMemory<byte> ApplicationInformation)
{
    internal static ExtendedNegotiationItem Parse(PduFieldReader reader)
    {
        var uidLength = reader.ReadUInt16("SOP-class-uid-length");
        var uid = reader.ReadUid(uidLength, "SOP-class-uid");
        var information = reader.ReadBytes(reader.Remaining, "Service-class-application-information");
        return new ExtendedNegotiationItem(uid, information.ToArray());
    }

    internal void WriteTo(PduBufferWriter writer)
    {
        var lengthAt = writer.BeginItem(PduItemType.SopClassExtendedNegotiation);
        writer.WriteUInt16((ushort)SopClassUid.Length);
        writer.WriteAscii(SopClassUid);
        writer.WriteBytes(ApplicationInformation.Span);
        writer.EndItem(lengthAt);
    }
}
