namespace Node.Dicom.Network.Pdus;

/// <summary>User Identity Negotiation sub-item of the acceptance (type 0x59, PS3.7 D.3.3.7): server response length (2) and value.</summary>
public sealed record UserIdentityResponseItem(ReadOnlyMemory<byte> ServerResponse)
{
    internal static UserIdentityResponseItem Parse(PduFieldReader reader)
    {
        var length = reader.ReadUInt16("Server-response-length");
        return new UserIdentityResponseItem(reader.ReadBytes(length, "Server-response").ToArray());
    }

    internal void WriteTo(PduBufferWriter writer)
    {
        var lengthAt = writer.BeginItem(PduItemType.UserIdentityResponse);
        writer.WriteUInt16((ushort)ServerResponse.Length);
        writer.WriteBytes(ServerResponse.Span);
        writer.EndItem(lengthAt);
    }
}
