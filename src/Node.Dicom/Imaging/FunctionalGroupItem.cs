using Node.Dicom.Data;
using Node.Dicom.Tags;
using static Node.Dicom.Imaging.ImagePixelAttributeNames;

namespace Node.Dicom.Imaging;

/// <summary>The one item of a functional group sequence, found for a frame, with where it was found for error messages.</summary>
/// <param name="Item">The item whose attributes apply to the frame.</param>
/// <param name="Group">The functional group sequence, such as Pixel Value Transformation Sequence (0028,9145).</param>
/// <param name="Container">Shared Functional Groups Sequence (5200,9229) or Per-frame Functional Groups Sequence (5200,9230).</param>
/// <param name="FrameIndex">The frame, numbered from 0.</param>
internal sealed record FunctionalGroupItem(DicomDataset Item, DicomTag Group, DicomTag Container, int FrameIndex)
{
    /// <summary>The place in words, such as "frame 2, Pixel Value Transformation Sequence (0028,9145) in the Per-frame Functional Groups Sequence (5200,9230)".</summary>
    public string Location => $"frame {FrameIndex + 1}, {Describe(Group)} in the {Describe(Container)}";
}
