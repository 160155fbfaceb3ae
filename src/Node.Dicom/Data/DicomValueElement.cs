using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Data;

/// <summary>
/// A data element whose value is a byte string: every VR but SQ. The bytes are kept as they were
/// read or set, in little-endian order, including the padding byte that makes the length even,
/// so a rewrite reproduces them exactly.
/// </summary>
public sealed class DicomValueElement : DicomElement
{
    public DicomValueElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> value)
        : base(tag, vr)
    {
        if (vr == DicomVR.SQ)
        {
            throw new ArgumentException($"Element {tag} has VR SQ; use DicomSequence for sequences.", nameof(vr));
        }

        Value = value;
    }

    /// <summary>The value bytes in little-endian order; text values are undecoded, with their padding.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    public int Length => Value.Length;
}
