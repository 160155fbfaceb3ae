namespace Node.Dicom.IO;

/// <summary>Byte-order conversion of binary values read from Explicit VR Big Endian.</summary>
internal static class ByteOrder
{
    /// <summary>Returns a copy of <paramref name="value"/> with every <paramref name="unitSize"/>-byte number reversed.</summary>
    public static byte[] SwapToLittleEndian(ReadOnlySpan<byte> value, int unitSize)
    {
        var swapped = value.ToArray();
        var whole = swapped.Length - (swapped.Length % unitSize);
        for (var i = 0; i < whole; i += unitSize)
        {
            swapped.AsSpan(i, unitSize).Reverse();
        }

        return swapped;
    }
}
