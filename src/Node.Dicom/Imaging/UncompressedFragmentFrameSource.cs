using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Tags;
using static Node.Dicom.Imaging.ImagePixelAttributeNames;

namespace Node.Dicom.Imaging;

/// <summary>
/// Frames of Encapsulated Uncompressed Explicit VR Little Endian: native frame bytes split into
/// fragments, each frame starting in a fragment of its own.
/// </summary>
internal sealed class UncompressedFragmentFrameSource(DicomFragmentSequence pixelData, FragmentRange[] ranges, ImagePixelModule module)
    : EncapsulatedFrameSource(pixelData, ranges, module)
{
    public override StoredFrame Read(int frameIndex, FrameBuffers buffers)
    {
        var data = Gather(frameIndex, buffers);
        var required = Module.StoredFrameBytes;
        if (data.Length < required)
        {
            throw new DicomPixelDataException($"frame {frameIndex} of {Describe(DicomTags.PixelData)} contains {data.Length} bytes, fewer than the {required} of one uncompressed frame", DicomTags.PixelData);
        }

        return new StoredFrame(data[..required], 0, Module.PlanarConfiguration == DicomPlanarConfiguration.Planar);
    }
}
