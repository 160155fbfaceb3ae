using System.Buffers.Binary;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.IO;

/// <summary>
/// Guesses the transfer syntax of a data set that arrives without file meta information, from
/// its first element header, as DCMTK and pydicom do for such files.
/// </summary>
internal static class TransferSyntaxDetector
{
    /// <summary>
    /// Returns Explicit VR Big Endian where the first group reads as a plausible even group only
    /// big endian, else Explicit VR Little Endian where bytes 4 and 5 form a known VR, else
    /// Implicit VR Little Endian.
    /// </summary>
    public static DicomTransferSyntax Detect(ReadOnlySpan<byte> firstBytes)
    {
        if (firstBytes.Length < 8)
        {
            return DicomTransferSyntax.ImplicitVRLittleEndian;
        }

        var littleGroup = BinaryPrimitives.ReadUInt16LittleEndian(firstBytes);
        var bigGroup = BinaryPrimitives.ReadUInt16BigEndian(firstBytes);
        var hasVR = DicomVR.TryGet(BinaryPrimitives.ReadUInt16BigEndian(firstBytes[4..]), out _);
        if (hasVR && !IsPlausibleGroup(littleGroup) && IsPlausibleGroup(bigGroup))
        {
            return DicomTransferSyntax.ExplicitVRBigEndian;
        }

        return hasVR ? DicomTransferSyntax.ExplicitVRLittleEndian : DicomTransferSyntax.ImplicitVRLittleEndian;
    }

    /// <summary>A group a data set starts with: 0002 to 00FF, where every standard first element lies.</summary>
    private static bool IsPlausibleGroup(ushort group) => group is >= 0x0002 and <= 0x00FF;
}
