namespace Node.Dicom.Network.Pdus;

/// <summary>
/// User Identity Negotiation sub-item of the request (type 0x58, PS3.7 D.3.3.7): identity type (1),
/// positive-response-requested (1), primary field length (2) and value, secondary field length (2) and value.
/// </summary>
public sealed record UserIdentityRequestItem(UserIdentityType IdentityType, bool PositiveResponseRequested, ReadOnlyMemory<byte> PrimaryField, ReadOnlyMemory<byte> SecondaryField)
{
    internal static UserIdentityRequestItem Parse(PduFieldReader reader)
    {
        var type = reader.ReadByte("User-Identity-Type");
        var positive = reader.ReadByte("Positive-response-requested");
        var primaryLength = reader.ReadUInt16("Primary-field-length");
        var primary = reader.ReadBytes(primaryLength, "Primary-field");
        var secondaryLength = reader.ReadUInt16("Secondary-field-length");
        var secondary = reader.ReadBytes(secondaryLength, "Secondary-field");
        return new UserIdentityRequestItem((UserIdentityType)type, positive != 0, primary.ToArray(), secondary.ToArray());
    }

    internal void WriteTo(PduBufferWriter writer)
    {
        var lengthAt = writer.BeginItem(PduItemType.UserIdentityRequest);
        writer.WriteByte((byte)IdentityType);
        writer.WriteByte(PositiveResponseRequested ? (byte)1 : (byte)0);
        writer.WriteUInt16((ushort)PrimaryField.Length);
        writer.WriteBytes(PrimaryField.Span);
        writer.WriteUInt16((ushort)SecondaryField.Length);
        writer.WriteBytes(SecondaryField.Span);
        writer.EndItem(lengthAt);
    }
}
