using Node.Dicom.Network.Errors;

namespace Node.Dicom.Network.Pdus;

/// <summary>
/// Reads the variable items of A-ASSOCIATE-RQ or -AC. Exactly one Application Context item and
/// at most one User Information item are allowed; an item type that does not belong in this PDU
/// is an unrecognized PDU parameter.
/// </summary>
internal sealed class AssociateItems
{
    public string? ApplicationContextName { get; private set; }

    public List<PresentationContextRequestItem> ContextRequests { get; } = [];

    public List<PresentationContextResponseItem> ContextResponses { get; } = [];

    public UserInformationItem? UserInformation { get; private set; }

    public static AssociateItems Read(ref PduFieldReader reader, byte contextItemType)
    {
        var items = new AssociateItems();
        while (!reader.IsAtEnd)
        {
            // Each item: type (1), reserved (1), length (2), then the value its length counts.
            var itemOffset = reader.Offset;
            var type = reader.ReadByte("Item-type");
            reader.Skip(1, "Item reserved byte");
            var length = reader.ReadUInt16("Item-length");
            var value = reader.ReadItem(length, ItemName(type) + " item value");

            items.Add(type, contextItemType, value, reader.Pdu, itemOffset);
        }

        return items;
    }

    private void Add(byte type, byte contextItemType, PduFieldReader value, string pdu, long itemOffset)
    {
        switch (type)
        {
            case PduItemType.ApplicationContext when ApplicationContextName is null:
                ApplicationContextName = value.ReadUid(value.Remaining, "Application-context-name");
                break;
            case PduItemType.PresentationContextRequest when type == contextItemType:
                ContextRequests.Add(PresentationContextRequestItem.Parse(value));
                break;
            case PduItemType.PresentationContextResponse when type == contextItemType:
                ContextResponses.Add(PresentationContextResponseItem.Parse(value));
                break;
            case PduItemType.UserInformation when UserInformation is null:
                UserInformation = UserInformationItem.Parse(value);
                break;
            case PduItemType.ApplicationContext or PduItemType.UserInformation:
                throw new DicomProtocolException(pdu, ItemName(type) + " item", itemOffset, "appears more than once", AbortReason.UnexpectedPduParameter);
            default:
                throw new DicomProtocolException(pdu, "Item-type", itemOffset, $"item type 0x{type:X2} does not belong in this PDU", AbortReason.UnrecognizedPduParameter);
        }
    }

    private static string ItemName(byte type) => type switch
    {
        PduItemType.ApplicationContext => "Application Context",
        PduItemType.PresentationContextRequest or PduItemType.PresentationContextResponse => "Presentation Context",
        PduItemType.UserInformation => "User Information",
        _ => $"Unknown (0x{type:X2})",
    };
}
