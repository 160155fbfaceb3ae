namespace Node.Dicom.Imaging;

/// <summary>Where the stored bytes of each frame come from: native pixel data, or fragments to gather or decode.</summary>
internal abstract class FrameSource
{
    /// <summary>Returns frame <paramref name="frameIndex"/>'s stored bytes, decoding into <paramref name="buffers"/> where needed.</summary>
    /// <exception cref="Node.Dicom.Errors.DicomPixelDataException">The frame's data is malformed.</exception>
    public abstract StoredFrame Read(int frameIndex, FrameBuffers buffers);
}
