using System.Buffers.Binary;
using System.IO.Compression;
using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.IO;

/// <summary>
/// Writes a DICOM file (PS3.10 section 7): a zero preamble, "DICM", file meta information in
/// Explicit VR Little Endian with its group length, then the data set.
/// </summary>
internal static class Part10Writer
{
    private const int PreambleLength = 128;

    /// <summary>File Meta Information Version (0002,0001): version 1 as the two bytes 00 01.</summary>
    private static readonly byte[] FileMetaVersion = [0x00, 0x01];

    /// <summary>Meta elements copied from the file's own meta information where it has them.</summary>
    private static readonly DicomTag[] CopiedMetaTags =
    [
        DicomTags.SourceApplicationEntityTitle, new(0x0002, 0x0017), new(0x0002, 0x0018),
        new(0x0002, 0x0026), new(0x0002, 0x0027), new(0x0002, 0x0028), new(0x0002, 0x0100), new(0x0002, 0x0102),
    ];

    public static void Write(Stream output, DicomFile file)
    {
        var syntax = file.TransferSyntax;
        CheckWritable(syntax);

        var meta = BuildFileMetaInformation(file);
        output.Write(new byte[PreambleLength]);
        output.Write("DICM"u8);
        WriteFileMetaInformation(output, meta);
        WriteDataset(output, file.Dataset, syntax);
    }

    /// <summary>Writes a data set without preamble or meta information, as a C-STORE carries it.</summary>
    public static void WriteDataset(Stream output, DicomDataset dataset, DicomTransferSyntax syntax)
    {
        CheckWritable(syntax);
        if (!syntax.IsDeflated)
        {
            new DicomDatasetWriter(output, syntax.IsExplicitVR).WriteDataset(dataset, skipFileMeta: true);
            return;
        }

        // A deflated bitstream of odd length gets one trailing zero byte, which inflating ignores:
        // a PDV's fragment must have an even length, and DCMTK's storescp aborts the association
        // on an odd one.
        using var deflated = new MemoryStream();
        using (var deflater = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            new DicomDatasetWriter(deflater, explicitVR: true).WriteDataset(dataset, skipFileMeta: true);
        }

        deflated.WriteTo(output);
        if (deflated.Length % 2 == 1)
        {
            output.WriteByte(0);
        }
    }

    /// <summary>Builds group 0002 from the data set's SOP class and instance, the transfer syntax and this implementation.</summary>
    public static DicomDataset BuildFileMetaInformation(DicomFile file)
    {
        var source = file.FileMetaInformation;
        var dataset = file.Dataset;
        var meta = new DicomDataset();
        meta.SetBytes(DicomTags.FileMetaInformationVersion, DicomVR.OB, FileMetaVersion);
        meta.Set(MetaUid(DicomTags.MediaStorageSOPClassUID, dataset, DicomTags.SOPClassUID, source));
        meta.Set(MetaUid(DicomTags.MediaStorageSOPInstanceUID, dataset, DicomTags.SOPInstanceUID, source));
        meta.SetString(DicomTags.TransferSyntaxUID, DicomVR.UI, file.TransferSyntax.Uid);
        meta.SetString(DicomTags.ImplementationClassUID, DicomVR.UI, DicomImplementation.ClassUid);
        meta.SetString(DicomTags.ImplementationVersionName, DicomVR.SH, DicomImplementation.VersionName);
        foreach (var tag in CopiedMetaTags)
        {
            if (source.GetElement(tag) is { } element)
            {
                meta.Set(element);
            }
        }

        return meta;
    }

    /// <summary>
    /// Builds a meta UID element from the data set's UID, else from the file's own meta
    /// information, else empty. The bytes are copied without validation, so a data set read
    /// from input with a malformed UID is written back as it came rather than rejected.
    /// </summary>
    private static DicomValueElement MetaUid(DicomTag metaTag, DicomDataset dataset, DicomTag datasetTag, DicomDataset source)
    {
        var value = UnpaddedValue(dataset, datasetTag) ?? UnpaddedValue(source, metaTag) ?? [];
        return new DicomValueElement(metaTag, DicomVR.UI, DicomDataset.PadToEven(value, DicomVR.UI.PaddingByte));
    }

    /// <summary>Returns a value without its trailing NUL and space padding, or null where it is absent or empty.</summary>
    private static byte[]? UnpaddedValue(DicomDataset dataset, DicomTag tag)
    {
        if (dataset.GetElement(tag) is not DicomValueElement element)
        {
            return null;
        }

        var unpadded = element.Value.Span.TrimEnd("\0 "u8);
        return unpadded.IsEmpty ? null : unpadded.ToArray();
    }

    private static void WriteFileMetaInformation(Stream output, DicomDataset meta)
    {
        using var body = new MemoryStream();
        new DicomDatasetWriter(body, explicitVR: true).WriteDataset(meta, skipFileMeta: false);

        // (0002,0000) UL, length 4, value = the byte count of the meta elements after it.
        Span<byte> groupLength = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(groupLength, 0x0002);
        BinaryPrimitives.WriteUInt16LittleEndian(groupLength[2..], 0x0000);
        BinaryPrimitives.WriteUInt16BigEndian(groupLength[4..], DicomVR.UL.Code16);
        BinaryPrimitives.WriteUInt16LittleEndian(groupLength[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(groupLength[8..], (uint)body.Length);
        output.Write(groupLength);
        body.Position = 0;
        body.CopyTo(output);
    }

    private static void CheckWritable(DicomTransferSyntax syntax)
    {
        if (syntax.IsBigEndian)
        {
            throw new NotSupportedException($"Writing {syntax} is not supported: the syntax is retired; write Explicit VR Little Endian instead.");
        }
    }
}
