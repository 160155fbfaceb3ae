using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Data;

/// <summary>
/// A data element of a data set: a tag, a value representation and a value. The value is a byte
/// string (<see cref="DicomValueElement"/>), a sequence of items (<see cref="DicomSequence"/>) or
/// encapsulated pixel data fragments (<see cref="DicomFragmentSequence"/>).
/// </summary>
public abstract class DicomElement
{
    protected DicomElement(DicomTag tag, DicomVR vr)
    {
        Tag = tag;
        VR = vr;
    }

    public DicomTag Tag { get; }

    public DicomVR VR { get; }

    public override string ToString() => $"{Tag} {VR}";
}
