namespace Node.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RQ (type 0x05, PS3.8 9.3.6): four reserved bytes.</summary>
public sealed record AReleaseRq : Pdu
{
    public const string PduName = "A-RELEASE-RQ";

    public override PduType Type => PduType.AReleaseRq;

    public override string Name => PduName;

    internal override void WriteTo(PduBufferWriter writer)
    {
        var lengthAt = writer.BeginPdu(Type);
        writer.WriteZeros(PduLayout.ShortPduLength);
        writer.EndPdu(lengthAt);
    }
}
