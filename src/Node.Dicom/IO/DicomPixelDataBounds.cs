using System.Buffers.Binary;
using Node.Dicom.Errors;
using Node.Dicom.Tags;

namespace Node.Dicom.IO;

/// <summary>
/// Checks that the Pixel Data of a file read with <see cref="DicomReadOptions.StopBeforePixelData"/>
/// ends within the file, without reading the pixels: for files too large to read whole.
/// </summary>
public static class DicomPixelDataBounds
{
    /// <summary>The Sequence Delimitation Item (FFFE,E0DD) with length 0, little endian, which ends encapsulated Pixel Data.</summary>
    private static readonly byte[] SequenceDelimiter = [0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0];

    /// <summary>Length of Pixel Data's element header in Explicit VR: tag, VR, two reserved bytes and a 4-byte length.</summary>
    private const int ExplicitHeaderLength = 12;

    /// <summary>Length of Pixel Data's element header in Implicit VR: tag and a 4-byte length.</summary>
    private const int ImplicitHeaderLength = 8;

    private const uint UndefinedLength = 0xFFFFFFFF;

    /// <summary>
    /// Checks that a Pixel Data element of defined length ends within <paramref name="file"/>, and that
    /// one of undefined length (encapsulated fragments) is closed by a Sequence Delimitation Item at
    /// the end of the file. A file without Pixel Data passes. The stream's position moves.
    /// </summary>
    /// <param name="file">The file, readable and seekable.</param>
    /// <param name="header">The same file opened with <see cref="DicomReadOptions.StopBeforePixelData"/>.</param>
    /// <remarks>NOTE: elements after Pixel Data are not parsed, and a file with elements after encapsulated Pixel Data (such as Data Set Trailing Padding) is rejected, though complete.</remarks>
    /// <exception cref="DicomFormatException">The file ends inside Pixel Data.</exception>
    public static void Check(Stream file, DicomFile header)
    {
        if (header.PixelDataOffset is not { } offset)
        {
            return;
        }

        var headerLength = header.TransferSyntax.IsExplicitVR ? ExplicitHeaderLength : ImplicitHeaderLength;
        Span<byte> element = stackalloc byte[ExplicitHeaderLength];
        file.Seek(offset, SeekOrigin.Begin);
        file.ReadExactly(element[..headerLength]);
        var valueLength = BinaryPrimitives.ReadUInt32LittleEndian(element[(headerLength - 4)..]);
        if (valueLength != UndefinedLength)
        {
            if (offset + headerLength + valueLength > file.Length)
            {
                throw new DicomFormatException($"Pixel Data length {valueLength} exceeds the {file.Length - offset - headerLength} bytes left in the file; the file is truncated", offset, DicomTags.PixelData);
            }

            return;
        }

        Span<byte> end = stackalloc byte[SequenceDelimiter.Length];
        file.Seek(-SequenceDelimiter.Length, SeekOrigin.End);
        file.ReadExactly(end);
        if (!end.SequenceEqual(SequenceDelimiter))
        {
            throw new DicomFormatException("encapsulated Pixel Data does not end with a Sequence Delimitation Item at the end of the file; the file is truncated", offset, DicomTags.PixelData);
        }
    }
}
