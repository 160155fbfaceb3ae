namespace Node.Dicom.Network.Pdus;

/// <summary>A-ABORT (type 0x07, PS3.8 9.3.8): reserved (2), source (1), reason/diag (1).</summary>
public sealed record AAbort(AbortSource Source, AbortReason Reason) : Pdu
{
    public const string PduName = "A-ABORT";

    public override PduType Type => PduType.AAbort;

    public override string Name => PduName;

    internal static AAbort Parse(PduFieldReader reader)
    {
        reader.Skip(2, "Reserved (bytes 7-8)");
        var source = reader.ReadByte("Source");
        var reason = reader.ReadByte("Reason/Diag.");
        return new AAbort((AbortSource)source, (AbortReason)reason);
    }

    internal override void WriteTo(PduBufferWriter writer)
    {
        var lengthAt = writer.BeginPdu(Type);
        writer.WriteZeros(2);
        writer.WriteByte((byte)Source);
        writer.WriteByte((byte)Reason);
        writer.EndPdu(lengthAt);
    }
}
