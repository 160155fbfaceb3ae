namespace Node.Dicom.Network.Pdus;

/// <summary>
/// Asynchronous Operations Window sub-item (type 0x53, PS3.7 D.3.3.3). 0 means unlimited; an
/// absent item means 1/1, one operation at a time.
/// </summary>
public sealed record AsynchronousOperationsWindowItem(ushort MaxOperationsInvoked, ushort MaxOperationsPerformed)
{
    internal static AsynchronousOperationsWindowItem Parse(PduFieldReader reader) =>
        new(reader.ReadUInt16("Maximum-number-operations-invoked"), reader.ReadUInt16("Maximum-number-operations-performed"));

    internal void WriteTo(PduBufferWriter writer)
    {
        var lengthAt = writer.BeginItem(PduItemType.AsynchronousOperationsWindow);
        writer.WriteUInt16(MaxOperationsInvoked);
        writer.WriteUInt16(MaxOperationsPerformed);
        writer.EndItem(lengthAt);
    }
}
