namespace Node.Dicom.Network.Pdus;

/// <summary>
/// Presentation Context item of A-ASSOCIATE-RQ (type 0x20, PS3.8 9.3.2.2): an odd context ID,
/// one Abstract Syntax sub-item (0x30) and one or more Transfer Syntax sub-items (0x40).
/// </summary>
public sealed record PresentationContextRequestItem
{
    private const int ReservedAfterId = 3;

    public required byte Id { get; init; }

    /// <summary>Abstract syntax UID; null where the item had no Abstract Syntax sub-item, so it can be rejected by context.</summary>
    public required string? AbstractSyntax { get; init; }

    /// <summary>Proposed transfer syntax UIDs in the requestor's order.</summary>
    public required IReadOnlyList<string> TransferSyntaxes { get; init; }

    internal static PresentationContextRequestItem Parse(PduFieldReader reader)
    {
        var id = reader.ReadByte("Presentation-context-ID");
        reader.Skip(ReservedAfterId, "Presentation context reserved bytes");
        string? abstractSyntax = null;
        var transferSyntaxes = new List<string>();
        while (!reader.IsAtEnd)
        {
            var type = reader.ReadByte("Sub-item type");
            reader.Skip(1, "Sub-item reserved byte");
            var length = reader.ReadUInt16("Sub-item length");
            var uid = reader.ReadUid(length, type == PduItemType.AbstractSyntax ? "Abstract-syntax-name" : "Transfer-syntax-name");

            // Unknown sub-items are skipped: the context is judged on what it does propose.
            if (type == PduItemType.AbstractSyntax)
            {
                abstractSyntax ??= uid;
            }
            else if (type == PduItemType.TransferSyntax)
            {
                transferSyntaxes.Add(uid);
            }
        }

        return new PresentationContextRequestItem { Id = id, AbstractSyntax = abstractSyntax, TransferSyntaxes = transferSyntaxes };
    }

    internal void WriteTo(PduBufferWriter writer)
    {
        var lengthAt = writer.BeginItem(PduItemType.PresentationContextRequest);
        writer.WriteByte(Id);
        writer.WriteZeros(ReservedAfterId);
        writer.WriteTextItem(PduItemType.AbstractSyntax, AbstractSyntax ?? string.Empty);
        foreach (var transferSyntax in TransferSyntaxes)
        {
            writer.WriteTextItem(PduItemType.TransferSyntax, transferSyntax);
        }

        writer.EndItem(lengthAt);
    }
}
