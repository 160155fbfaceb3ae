namespace Node.Dicom.Network.Pdus;

/// <summary>
/// A-ASSOCIATE-RQ (type 0x01, PS3.8 9.3.2): fixed part of 68 bytes, then one Application Context
/// item, one or more Presentation Context items (0x20) and one User Information item.
/// </summary>
public sealed record AAssociateRq : Pdu
{
    public const string PduName = "A-ASSOCIATE-RQ";

    public override PduType Type => PduType.AAssociateRq;

    public override string Name => PduName;

    /// <summary>Protocol version field; bit 0 set means version 1.</summary>
    public ushort ProtocolVersion { get; init; } = PduLayout.ProtocolVersion1;

    /// <summary>Called AE title with leading and trailing spaces removed.</summary>
    public required string CalledAeTitle { get; init; }

    /// <summary>Calling AE title with leading and trailing spaces removed.</summary>
    public required string CallingAeTitle { get; init; }

    /// <summary>Application context name; null where the request had no Application Context item.</summary>
    public string? ApplicationContextName { get; init; } = PduLayout.DicomApplicationContextName;

    public IReadOnlyList<PresentationContextRequestItem> PresentationContexts { get; init; } = [];

    public UserInformationItem UserInformation { get; init; } = new();

    internal static AAssociateRq Parse(PduFieldReader reader)
    {
        var fixedPart = AssociateFixedPart.Read(ref reader);
        var items = AssociateItems.Read(ref reader, PduItemType.PresentationContextRequest);
        return new AAssociateRq
        {
            ProtocolVersion = fixedPart.ProtocolVersion,
            CalledAeTitle = fixedPart.CalledAeTitle,
            CallingAeTitle = fixedPart.CallingAeTitle,
            ApplicationContextName = items.ApplicationContextName,
            PresentationContexts = items.ContextRequests,
            UserInformation = items.UserInformation ?? new UserInformationItem(),
        };
    }

    internal override void WriteTo(PduBufferWriter writer)
    {
        var lengthAt = writer.BeginPdu(Type);
        AssociateFixedPart.Write(writer, ProtocolVersion, CalledAeTitle, CallingAeTitle);
        writer.WriteTextItem(PduItemType.ApplicationContext, ApplicationContextName ?? PduLayout.DicomApplicationContextName);
        foreach (var context in PresentationContexts)
        {
            context.WriteTo(writer);
        }

        UserInformation.WriteTo(writer);
        writer.EndPdu(lengthAt);
    }
}
