using System.Buffers;

namespace Node.Dicom.Imaging;

/// <summary>
/// Scratch memory for decoding one frame: arrays rented from the shared pool and returned
/// together on dispose, so decoding allocates nothing per pixel and little per frame.
/// </summary>
internal sealed class FrameBuffers : IDisposable
{
    private readonly List<byte[]> _rented = [];

    /// <summary>Returns a span of exactly <paramref name="length"/> bytes, valid until dispose; its contents are undefined.</summary>
    public Span<byte> Rent(int length)
    {
        var array = ArrayPool<byte>.Shared.Rent(length);
        _rented.Add(array);
        return array.AsSpan(0, length);
    }

    public void Dispose()
    {
        foreach (var array in _rented)
        {
            ArrayPool<byte>.Shared.Return(array);
        }

        _rented.Clear();
    }
}
