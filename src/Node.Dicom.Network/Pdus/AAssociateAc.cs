namespace Node.Dicom.Network.Pdus;

/// <summary>
/// A-ASSOCIATE-AC (type 0x02, PS3.8 9.3.3): the fixed part of the request echoed back, then one
/// Application Context item, one Presentation Context item (0x21) per proposed context and one
/// User Information item.
/// </summary>
public sealed record AAssociateAc : Pdu
{
    public const string PduName = "A-ASSOCIATE-AC";

    public override PduType Type => PduType.AAssociateAc;

    public override string Name => PduName;

    public ushort ProtocolVersion { get; init; } = PduLayout.ProtocolVersion1;

    /// <summary>The called AE title of the request, echoed; PS3.8 says the receiver does not test it.</summary>
    public required string CalledAeTitle { get; init; }

    /// <summary>The calling AE title of the request, echoed; PS3.8 says the receiver does not test it.</summary>
    public required string CallingAeTitle { get; init; }

    public string? ApplicationContextName { get; init; } = PduLayout.DicomApplicationContextName;

    public IReadOnlyList<PresentationContextResponseItem> PresentationContexts { get; init; } = [];

    public UserInformationItem UserInformation { get; init; } = new();

    internal static AAssociateAc Parse(PduFieldReader reader)
    {
        var fixedPart = AssociateFixedPart.Read(ref reader);
        var items = AssociateItems.Read(ref reader, PduItemType.PresentationContextResponse);
        return new AAssociateAc
        {
            ProtocolVersion = fixedPart.ProtocolVersion,
            CalledAeTitle = fixedPart.CalledAeTitle,
            CallingAeTitle = fixedPart.CallingAeTitle,
            ApplicationContextName = items.ApplicationContextName,
            PresentationContexts = items.ContextResponses,
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
