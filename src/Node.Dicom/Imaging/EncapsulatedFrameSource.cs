using Node.Dicom.Data;

namespace Node.Dicom.Imaging;

/// <summary>Frames of encapsulated pixel data, each held by one or more consecutive fragments.</summary>
internal abstract class EncapsulatedFrameSource : FrameSource
{
    private readonly IReadOnlyList<ReadOnlyMemory<byte>> _fragments;
    private readonly FragmentRange[] _ranges;

    protected EncapsulatedFrameSource(DicomFragmentSequence pixelData, FragmentRange[] ranges, ImagePixelModule module)
    {
        _fragments = pixelData.Fragments;
        _ranges = ranges;
        Module = module;
    }

    protected ImagePixelModule Module { get; }

    /// <summary>Returns the frame's data: its fragment in place, or its fragments joined in a rented buffer.</summary>
    protected ReadOnlySpan<byte> Gather(int frameIndex, FrameBuffers buffers)
    {
        var range = _ranges[frameIndex];
        ReadOnlySpan<byte> data;
        if (range.Count == 1)
        {
            data = _fragments[range.First].Span;
        }
        else
        {
            data = Join(range, buffers);
        }

        return range.Length is { } length ? data[..(int)length] : data;
    }

    private ReadOnlySpan<byte> Join(FragmentRange range, FrameBuffers buffers)
    {
        long total = 0;
        for (var i = range.First; i < range.First + range.Count; i++)
        {
            total += _fragments[i].Length;
        }

        var joined = buffers.Rent(checked((int)total));
        var position = 0;
        for (var i = range.First; i < range.First + range.Count; i++)
        {
            _fragments[i].Span.CopyTo(joined[position..]);
            position += _fragments[i].Length;
        }

        return joined;
    }
}
