using Node.Dicom.Network.Errors;

namespace Node.Dicom.Network.Pdus;

/// <summary>
/// User Information item (type 0x50, PS3.8 9.3.2.3 and PS3.7 Annex D). Sub-items are read in any
/// order; unknown ones are kept in <see cref="OtherItems"/> and otherwise ignored. Written in
/// ascending type order.
/// </summary>
public sealed record UserInformationItem
{
    /// <summary>Maximum Length Received (0x51): the largest P-DATA-TF PDU length the sender accepts, 0 for no limit; null where absent.</summary>
    public uint? MaxPduLength { get; init; }

    /// <summary>Implementation Class UID (0x52), mandatory in practice but tolerated when absent.</summary>
    public string? ImplementationClassUid { get; init; }

    public AsynchronousOperationsWindowItem? AsynchronousOperationsWindow { get; init; }

    public IReadOnlyList<RoleSelectionItem> RoleSelections { get; init; } = [];

    /// <summary>Implementation Version Name (0x55), 1 to 16 characters.</summary>
    public string? ImplementationVersionName { get; init; }

    public IReadOnlyList<ExtendedNegotiationItem> ExtendedNegotiations { get; init; } = [];

    public UserIdentityRequestItem? UserIdentityRequest { get; init; }

    public UserIdentityResponseItem? UserIdentityResponse { get; init; }

    /// <summary>Common extended negotiation (0x57) and unknown sub-items, as received.</summary>
    public IReadOnlyList<RawItem> OtherItems { get; init; } = [];

    internal static UserInformationItem Parse(PduFieldReader reader)
    {
        var builder = new Builder();
        while (!reader.IsAtEnd)
        {
            var itemOffset = reader.Offset;
            var type = reader.ReadByte("User information sub-item type");
            reader.Skip(1, "Sub-item reserved byte");
            var length = reader.ReadUInt16("Sub-item length");
            var value = reader.ReadItem(length, $"User information sub-item 0x{type:X2} value");
            builder.Add(type, value, itemOffset);
        }

        return builder.Build();
    }

    internal void WriteTo(PduBufferWriter writer)
    {
        var lengthAt = writer.BeginItem(PduItemType.UserInformation);
        if (MaxPduLength is { } maxLength)
        {
            var maxAt = writer.BeginItem(PduItemType.MaximumLength);
            writer.WriteUInt32(maxLength);
            writer.EndItem(maxAt);
        }

        if (ImplementationClassUid is not null)
        {
            writer.WriteTextItem(PduItemType.ImplementationClassUid, ImplementationClassUid);
        }

        AsynchronousOperationsWindow?.WriteTo(writer);
        foreach (var role in RoleSelections)
        {
            role.WriteTo(writer);
        }

        if (ImplementationVersionName is not null)
        {
            writer.WriteTextItem(PduItemType.ImplementationVersionName, ImplementationVersionName);
        }

        foreach (var negotiation in ExtendedNegotiations)
        {
            negotiation.WriteTo(writer);
        }

        foreach (var other in OtherItems.Where(item => item.ItemType < PduItemType.UserIdentityRequest))
        {
            other.WriteTo(writer);
        }

        UserIdentityRequest?.WriteTo(writer);
        UserIdentityResponse?.WriteTo(writer);
        foreach (var other in OtherItems.Where(item => item.ItemType > PduItemType.UserIdentityResponse))
        {
            other.WriteTo(writer);
        }

        writer.EndItem(lengthAt);
    }

    /// <summary>Collects sub-items as they are read.</summary>
    private sealed class Builder
    {
        private const int MaximumLengthValueLength = 4;
        private const int WindowValueLength = 4;

        private readonly List<RoleSelectionItem> _roles = [];
        private readonly List<ExtendedNegotiationItem> _extended = [];
        private readonly List<RawItem> _other = [];
        private uint? _maxLength;
        private string? _classUid;
        private string? _versionName;
        private AsynchronousOperationsWindowItem? _window;
        private UserIdentityRequestItem? _identityRequest;
        private UserIdentityResponseItem? _identityResponse;

        public void Add(byte type, PduFieldReader value, long itemOffset)
        {
            switch (type)
            {
                case PduItemType.MaximumLength:
                    RequireLength(value, MaximumLengthValueLength, "Maximum Length sub-item", itemOffset);
                    _maxLength = value.ReadUInt32("Maximum-length-received");
                    break;
                case PduItemType.ImplementationClassUid:
                    _classUid = value.ReadUid(value.Remaining, "Implementation-class-uid");
                    break;
                case PduItemType.AsynchronousOperationsWindow:
                    RequireLength(value, WindowValueLength, "Asynchronous Operations Window sub-item", itemOffset);
                    _window = AsynchronousOperationsWindowItem.Parse(value);
                    break;
                case PduItemType.RoleSelection:
                    _roles.Add(RoleSelectionItem.Parse(value));
                    break;
                case PduItemType.ImplementationVersionName:
                    _versionName = value.ReadRemainingText();
                    break;
                case PduItemType.SopClassExtendedNegotiation:
                    _extended.Add(ExtendedNegotiationItem.Parse(value));
                    break;
                case PduItemType.UserIdentityRequest:
                    _identityRequest = UserIdentityRequestItem.Parse(value);
                    break;
                case PduItemType.UserIdentityResponse:
                    _identityResponse = UserIdentityResponseItem.Parse(value);
                    break;
                default:
                    _other.Add(new RawItem(type, value.ReadBytes(value.Remaining, "Sub-item value").ToArray()));
                    break;
            }
        }

        public UserInformationItem Build() => new()
        {
            MaxPduLength = _maxLength,
            ImplementationClassUid = _classUid,
            AsynchronousOperationsWindow = _window,
            RoleSelections = _roles,
            ImplementationVersionName = _versionName,
            ExtendedNegotiations = _extended,
            UserIdentityRequest = _identityRequest,
            UserIdentityResponse = _identityResponse,
            OtherItems = _other,
        };

        private static void RequireLength(PduFieldReader value, int expected, string field, long itemOffset)
        {
            if (value.Remaining != expected)
            {
                throw new DicomProtocolException(value.Pdu, field, itemOffset, $"item length is {value.Remaining}, expected {expected}");
            }
        }
    }
}
