using System.Numerics;
using System.Runtime.InteropServices;
using Node.Dicom.Errors;

namespace Node.Dicom.Imaging;

/// <summary>Stored values: what the pixel cells hold, before any rescale or colour conversion.</summary>
public sealed partial class DicomPixelData
{
    /// <summary>
    /// Returns the stored values of one frame, pixel by pixel along each row with the samples of
    /// a pixel together, whatever the Planar Configuration. Each value is the Bits Stored bits
    /// ending at High Bit, sign-extended where signed; 1-bit pixels are 0 or 1; YBR_FULL_422 Cb
    /// and Cr are repeated for both pixels of a pair. PALETTE COLOR values are palette indices.
    /// </summary>
    /// <typeparam name="T">Must be <see cref="StoredValueType"/>.</typeparam>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not <see cref="StoredValueType"/>.</exception>
    /// <exception cref="DicomPixelDataException">The frame's compressed data is malformed.</exception>
    public T[] GetFrame<T>(int frameIndex)
        where T : unmanaged, IBinaryInteger<T>
    {
        CheckStoredValueType<T>();
        CheckFrameIndex(frameIndex);
        var values = new T[FrameValueCount];
        ReadStoredValues<T>(frameIndex, values);
        return values;
    }

    /// <summary>Writes one frame's stored values, as <see cref="GetFrame{T}(int)"/> returns them, to the start of <paramref name="destination"/>.</summary>
    public void CopyFrame<T>(int frameIndex, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>
    {
        CheckStoredValueType<T>();
        CheckFrameIndex(frameIndex);
        CheckDestination(destination.Length, nameof(destination));
        ReadStoredValues<T>(frameIndex, destination[..FrameValueCount]);
    }

    /// <summary>Returns one frame's stored values as an array of <see cref="StoredValueType"/>.</summary>
    public Array GetFrame(int frameIndex) => (BitsAllocated, IsSigned) switch
    {
        (1, _) or (8, false) => GetFrame<byte>(frameIndex),
        (8, true) => GetFrame<sbyte>(frameIndex),
        (16, false) => GetFrame<ushort>(frameIndex),
        (16, true) => GetFrame<short>(frameIndex),
        (32, false) => GetFrame<uint>(frameIndex),
        _ => GetFrame<int>(frameIndex),
    };

    private void ReadStoredValues<T>(int frameIndex, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>
    {
        using var buffers = new FrameBuffers();
        var frame = _source.Read(frameIndex, buffers);
        StoredValueExtractor.Extract(frame, destination, _module);
    }

    /// <summary>Reads one frame's stored values into rented memory that lives as long as <paramref name="buffers"/>.</summary>
    private Span<T> ReadStoredValues<T>(int frameIndex, FrameBuffers buffers)
        where T : unmanaged, IBinaryInteger<T>
    {
        var values = MemoryMarshal.Cast<byte, T>(buffers.Rent(FrameValueCount * Marshal.SizeOf<T>()));
        var frame = _source.Read(frameIndex, buffers);
        StoredValueExtractor.Extract(frame, values, _module);
        return values;
    }

    private void CheckStoredValueType<T>()
    {
        if (typeof(T) != StoredValueType)
        {
            throw new ArgumentException(
                $"Frames of Bits Allocated {BitsAllocated} with Pixel Representation {(IsSigned ? 1 : 0)} contain {StoredValueType.Name} values, not {typeof(T).Name}.",
                nameof(T));
        }
    }
}
