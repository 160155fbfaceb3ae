namespace Node.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ (type 0x03, PS3.8 9.3.4): reserved (1), result (1), source (1), reason/diag (1).</summary>
public sealed record AAssociateRj(RejectResult Result, RejectSource Source, byte Reason) : Pdu
{
    public const string PduName = "A-ASSOCIATE-RJ";

    public override PduType Type => PduType.AAssociateRj;

    public override string Name => PduName;

    internal static AAssociateRj Parse(PduFieldReader reader)
    {
        reader.Skip(1, "Reserved (byte 7)");
        var result = reader.ReadByte("Result");
        var source = reader.ReadByte("Source");
        var reason = reader.ReadByte("Reason/Diag.");
        return new AAssociateRj((RejectResult)result, (RejectSource)source, reason);
    }

    internal override void WriteTo(PduBufferWriter writer)
    {
        var lengthAt = writer.BeginPdu(Type);
        writer.WriteByte(0);
        writer.WriteByte((byte)Result);
        writer.WriteByte((byte)Source);
        writer.WriteByte(Reason);
        writer.EndPdu(lengthAt);
    }
}
