using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Data;

/// <summary>A sequence of items (VR SQ); each item is a nested data set.</summary>
public sealed class DicomSequence : DicomElement
{
    public DicomSequence(DicomTag tag, IEnumerable<DicomDataset>? items = null)
        : base(tag, DicomVR.SQ)
    {
        Items = new DicomItemCollection(this);
        foreach (var item in items ?? [])
        {
            Items.Add(item);
        }
    }

    public DicomItemCollection Items { get; }

    /// <summary>The data set this sequence was added to; items inherit its character set.</summary>
    internal DicomDataset? Owner { get; set; }
}
