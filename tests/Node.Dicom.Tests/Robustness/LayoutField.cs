namespace Node.Dicom.Tests.Robustness;

/// <summary>A run of <see cref="Size"/> bytes at <see cref="Offset"/> of one kind.</summary>
internal readonly record struct LayoutField(int Offset, int Size, FieldKind Kind)
{
    public int End => Offset + Size;

    public bool IsLength => Kind is FieldKind.Length16 or FieldKind.Length32 or FieldKind.ItemLength or FieldKind.OffsetTableLength or FieldKind.FragmentLength;
}
