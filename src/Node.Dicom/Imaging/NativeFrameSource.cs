using Node.Dicom.Errors;
using Node.Dicom.Tags;
using static Node.Dicom.Imaging.ImagePixelAttributeNames;

namespace Node.Dicom.Imaging;

/// <summary>Frames of native pixel data: consecutive, each <see cref="ImagePixelModule.StoredFrameBits"/> long, read in place.</summary>
internal sealed class NativeFrameSource : FrameSource
{
    private readonly ReadOnlyMemory<byte> _data;
    private readonly ImagePixelModule _module;

    /// <summary>Checks that <paramref name="data"/>, the Pixel Data value with cells in little-endian order, contains every frame.</summary>
    public NativeFrameSource(ReadOnlyMemory<byte> data, ImagePixelModule module)
    {
        var required = (module.StoredFrameBits * module.FrameCount + 7) / 8;
        if (data.Length < required)
        {
            throw new DicomPixelDataException(
                $"{Describe(DicomTags.PixelData)} contains {data.Length} bytes, fewer than the {required} that {Describe(DicomTags.Rows)} {module.Rows} × "
                + $"{Describe(DicomTags.Columns)} {module.Columns} × {module.StoredSamplesPerPixel} stored samples × "
                + $"{Describe(DicomTags.BitsAllocated)} {module.BitsAllocated} bits × {Describe(DicomTags.NumberOfFrames)} {module.FrameCount} require",
                DicomTags.PixelData);
        }

        _data = data;
        _module = module;
    }

    public override StoredFrame Read(int frameIndex, FrameBuffers buffers)
    {
        var firstBit = frameIndex * _module.StoredFrameBits;
        var start = (int)(firstBit / 8);
        var length = (int)(((firstBit % 8) + _module.StoredFrameBits + 7) / 8);
        var planar = _module.PlanarConfiguration == DicomPlanarConfiguration.Planar;
        return new StoredFrame(_data.Span.Slice(start, length), (int)(firstBit % 8), planar);
    }
}
