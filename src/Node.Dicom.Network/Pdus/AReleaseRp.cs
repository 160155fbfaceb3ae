namespace Node.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RP (type 0x06, PS3.8 9.3.7): four reserved bytes.</summary>
public sealed record AReleaseRp : Pdu
{
    public const string PduName = "A-RELEASE-RP";

    public override PduType Type => PduType.AReleaseRp;

    public override string Name => PduName;

    internal override void WriteTo(PduBufferWriter writer)
    {
        var lengthAt = writer.BeginPdu(Type);
        writer.WriteZeros(PduLayout.ShortPduLength);
        writer.EndPdu(lengthAt);
    }
}
