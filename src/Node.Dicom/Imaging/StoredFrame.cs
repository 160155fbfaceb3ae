namespace Node.Dicom.Imaging;

/// <summary>
/// The bytes of one frame as stored, before values are extracted: little-endian cells in the
/// order of <see cref="IsPlanar"/>, starting at bit <see cref="FirstBit"/> of the first byte
/// (non-zero only for 1-bit data, whose frames need not start on a byte boundary).
/// </summary>
internal readonly ref struct StoredFrame(ReadOnlySpan<byte> bytes, int firstBit, bool isPlanar)
{
    public ReadOnlySpan<byte> Bytes { get; } = bytes;

    public int FirstBit { get; } = firstBit;

    /// <summary>Whether each sample has its own plane, as RLE segments imply whatever the Planar Configuration value is.</summary>
    public bool IsPlanar { get; } = isPlanar;
}
