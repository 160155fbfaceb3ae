using System.Buffers.Binary;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Tags;
using Node.Dicom.Uids;

namespace Node.Dicom.IO;

/// <summary>
/// Reads a DICOM file (PS3.10): the 128-byte preamble and "DICM" prefix and the file meta
/// information (group 0002), each where present. The data set follows in the transfer syntax the
/// meta information names, or else in the syntax its first bytes show.
/// </summary>
internal static class Part10Reader
{
    private const int PreambleLength = 128;
    private const int PrefixLength = 4;
    private const ushort FileMetaGroup = 0x0002;

    public static DicomFile Read(DicomInput input, DicomReadOptions options)
    {
        // Zero bytes hold no element at all, so they are no file; DCMTK rejects them too.
        if (input.IsAtEnd)
        {
            throw new DicomFormatException("the input is empty", input.Position);
        }

        SkipPreamble(input);
        var meta = ReadFileMetaInformation(input, options);
        var syntax = ChooseTransferSyntax(input, meta);
        var datasetOffset = input.Position;

        var datasetInput = syntax.IsDeflated ? Inflate(input, options) : input;
        var reader = new DicomDatasetReader(datasetInput, syntax, options);
        var dataset = reader.ReadTopLevel();
        return new DicomFile(meta, dataset, syntax)
        {
            StoppedBeforePixelData = reader.StoppedBeforePixelData,
            DatasetOffset = datasetOffset,
            PixelDataOffset = reader.PixelDataPosition,
        };
    }

    private static void SkipPreamble(DicomInput input)
    {
        if (input.TryEnsure(PreambleLength + PrefixLength) && IsPrefix(input.Peek(PreambleLength + PrefixLength, "preamble")[PreambleLength..]))
        {
            input.Skip(PreambleLength + PrefixLength, "preamble");
        }
        else if (input.TryEnsure(PrefixLength) && IsPrefix(input.Peek(PrefixLength, "DICM prefix")))
        {
            input.Skip(PrefixLength, "DICM prefix");
        }
    }

    /// <summary>Reads group 0002 where the input starts with it; an empty data set otherwise.</summary>
    private static DicomDataset ReadFileMetaInformation(DicomInput input, DicomReadOptions options)
    {
        if (!input.TryEnsure(8) || BinaryPrimitives.ReadUInt16LittleEndian(input.Peek(2, "tag group")) != FileMetaGroup)
        {
            return new DicomDataset();
        }

        // PS3.10 7.1 requires Explicit VR Little Endian here; a few old writers used Implicit VR.
        var syntax = TransferSyntaxDetector.Detect(input.Peek(8, "file meta element header"));
        if (syntax.IsBigEndian)
        {
            syntax = DicomTransferSyntax.ExplicitVRLittleEndian;
        }

        return new DicomDatasetReader(input, syntax, options).ReadGroup(FileMetaGroup);
    }

    private static DicomTransferSyntax ChooseTransferSyntax(DicomInput input, DicomDataset meta)
    {
        var uid = meta.GetUid(DicomTags.TransferSyntaxUID);
        if (uid is not null)
        {
            return DicomTransferSyntax.Find(uid)
                ?? throw new DicomFormatException($"unknown transfer syntax UID '{uid}' in (0002,0010); the data set encoding cannot be known", input.Position, DicomTags.TransferSyntaxUID);
        }

        return input.TryEnsure(8)
            ? TransferSyntaxDetector.Detect(input.Peek(8, "first element header"))
            : DicomTransferSyntax.ImplicitVRLittleEndian;
    }

    private static DicomInput Inflate(DicomInput input, DicomReadOptions options)
    {
        var offset = input.Position;
        return new DicomInput(new InflatingStream(input.RestAsStream(), options.MaxInflatedLength, offset));
    }

    private static bool IsPrefix(ReadOnlySpan<byte> bytes) => bytes.SequenceEqual("DICM"u8);
}
