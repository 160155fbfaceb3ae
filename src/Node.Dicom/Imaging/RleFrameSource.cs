using Node.Dicom.Data;

namespace Node.Dicom.Imaging;

/// <summary>Frames of RLE Lossless, decoded into a rented buffer of exactly one frame's size.</summary>
internal sealed class RleFrameSource(DicomFragmentSequence pixelData, FragmentRange[] ranges, ImagePixelModule module)
    : EncapsulatedFrameSource(pixelData, ranges, module)
{
    public override StoredFrame Read(int frameIndex, FrameBuffers buffers)
    {
        var data = Gather(frameIndex, buffers);
        var planes = buffers.Rent(Module.StoredFrameBytes);
        RleDecoder.DecodeFrame(data, planes, Module.PixelCount, Module.SamplesPerPixel, Module.BytesPerValue, frameIndex);

        // Each segment contains one sample, so decoded colour frames are planar whatever the Planar Configuration value is.
        return new StoredFrame(planes, 0, Module.SamplesPerPixel > 1);
    }
}
