using System.Collections.ObjectModel;

namespace Node.Dicom.Data;

/// <summary>
/// The items of a sequence. Adding an item links it to the sequence, so the item inherits the
/// Specific Character Set of the data set that holds the sequence (PS3.5 7.5.3).
/// </summary>
public sealed class DicomItemCollection : Collection<DicomDataset>
{
    internal DicomItemCollection(DicomSequence sequence)
    {
        Sequence = sequence;
    }

    private DicomSequence Sequence { get; }

    protected override void InsertItem(int index, DicomDataset item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.ParentSequence = Sequence;
        base.InsertItem(index, item);
    }

    protected override void SetItem(int index, DicomDataset item)
    {
        ArgumentNullException.ThrowIfNull(item);
        this[index].ParentSequence = null;
        item.ParentSequence = Sequence;
        base.SetItem(index, item);
    }

    protected override void RemoveItem(int index)
    {
        this[index].ParentSequence = null;
        base.RemoveItem(index);
    }

    protected override void ClearItems()
    {
        foreach (var item in this)
        {
            item.ParentSequence = null;
        }

        base.ClearItems();
    }
}
