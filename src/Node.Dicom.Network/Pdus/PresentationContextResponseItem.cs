namespace Node.Dicom.Network.Pdus;

/// <summary>
/// Presentation Context item of A-ASSOCIATE-AC (type 0x21, PS3.8 9.3.3.2): the context ID of the
/// request, a result, and one Transfer Syntax sub-item whose value counts only on acceptance.
/// </summary>
public sealed record PresentationContextResponseItem
{
    public required byte Id { get; init; }

    public required PresentationContextResult Result { get; init; }

    /// <summary>The accepted transfer syntax UID; null or meaningless unless <see cref="Result"/> is acceptance.</summary>
    public string? TransferSyntax { get; init; }

    internal static PresentationContextResponseItem Parse(PduFieldReader reader)
    {
        var id = reader.ReadByte("Presentation-context-ID");
        reader.Skip(1, "Presentation context reserved byte 6");
        var result = reader.ReadByte("Result/Reason");
        reader.Skip(1, "Presentation context reserved byte 8");
        string? transferSyntax = null;
        while (!reader.IsAtEnd)
        {
            var type = reader.ReadByte("Sub-item type");
            reader.Skip(1, "Sub-item reserved byte");
            var length = reader.ReadUInt16("Sub-item length");
            var uid = reader.ReadUid(length, "Transfer-syntax-name");
            if (type == PduItemType.TransferSyntax)
            {
                transferSyntax ??= uid;
            }
        }

        return new PresentationContextResponseItem { Id = id, Result = (PresentationContextResult)result, TransferSyntax = transferSyntax };
    }

    internal void WriteTo(PduBufferWriter writer)
    {
        var lengthAt = writer.BeginItem(PduItemType.PresentationContextResponse);
        writer.WriteByte(Id);
        writer.WriteByte(0);
        writer.WriteByte((byte)Result);
        writer.WriteByte(0);

        // PS3.8 asks for the sub-item even on rejection; its value is then not tested.
        writer.WriteTextItem(PduItemType.TransferSyntax, TransferSyntax ?? string.Empty);
        writer.EndItem(lengthAt);
    }
}
