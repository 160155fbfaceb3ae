using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Data;

/// <summary>
/// Encapsulated pixel data (PS3.5 A.4): a Basic Offset Table item followed by fragments, each
/// holding compressed bytes of one frame or part of one.
/// </summary>
public sealed class DicomFragmentSequence : DicomElement
{
    public DicomFragmentSequence(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> basicOffsetTable, IEnumerable<ReadOnlyMemory<byte>> fragments)
        : base(tag, vr)
    {
        BasicOffsetTable = basicOffsetTable;
        Fragments = [.. fragments];
    }

    /// <summary>The value of the first item: 32-bit little-endian offsets of each frame's first fragment, or empty.</summary>
    public ReadOnlyMemory<byte> BasicOffsetTable { get; }

    public List<ReadOnlyMemory<byte>> Fragments { get; }
}
