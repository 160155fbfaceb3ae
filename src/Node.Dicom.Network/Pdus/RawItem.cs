namespace Node.Dicom.Network.Pdus;

/// <summary>
/// A User Information sub-item kept as bytes: SOP Class Common Extended Negotiation (0x57), which
/// this node does not act on, and sub-item types it does not know, which PS3.7 D.3.3 requires the receiver to ignore.
/// </summary>
public sealed record RawItem(byte ItemType, ReadOnlyMemory<byte> Value)
{
    internal void WriteTo(PduBufferWriter writer)
    {
        var lengthAt = writer.BeginItem(ItemType);
        writer.WriteBytes(Value.Span);
        writer.EndItem(lengthAt);
    }
}
