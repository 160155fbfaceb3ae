using Node.Dicom.Data;
using Node.Dicom.Uids;

namespace Node.Dicom.IO;

/// <summary>A DICOM file of PS3.10: file meta information, a data set and the transfer syntax that encodes it.</summary>
public sealed class DicomFile
{
    /// <summary>Files up to this size are read into memory whole, so values are slices of one array.</summary>
    private const long WholeFileLimit = 1L << 30;

    /// <summary>Buffer of the file stream that larger files and header-only reads go through: 64 KiB.</summary>
    private const int FileBufferSize = 64 * 1024;

    public DicomFile(DicomDataset dataset, DicomTransferSyntax? transferSyntax = null)
        : this(new DicomDataset(), dataset, transferSyntax ?? DicomTransferSyntax.ExplicitVRLittleEndian)
    {
    }

    internal DicomFile(DicomDataset fileMetaInformation, DicomDataset dataset, DicomTransferSyntax transferSyntax)
    {
        FileMetaInformation = fileMetaInformation;
        Dataset = dataset;
        TransferSyntax = transferSyntax;
    }

    /// <summary>Group 0002 as read; empty for a file read without meta information or built in memory.</summary>
    public DicomDataset FileMetaInformation { get; }

    public DicomDataset Dataset { get; }

    /// <summary>The syntax the data set was read in, and the one <see cref="Write"/> uses.</summary>
    public DicomTransferSyntax TransferSyntax { get; set; }

    /// <summary>
    /// The offset in the bytes read where the data set starts: after the preamble, the "DICM"
    /// prefix and the File Meta Information, where the input had them, else 0. For a deflated
    /// syntax, the start of the deflated bytes.
    /// </summary>
    public long DatasetOffset { get; internal init; }

    /// <summary>True where reading stopped at Pixel Data because the options asked so.</summary>
    public bool StoppedBeforePixelData { get; internal init; }

    /// <summary>
    /// The offset in the bytes read of the Pixel Data element's tag, where reading stopped there,
    /// else null. For a deflated syntax, an offset in the inflated data set.
    /// </summary>
    public long? PixelDataOffset { get; internal init; }

    /// <summary>Reads a file; with <see cref="DicomReadOptions.StopBeforePixelData"/> only the bytes before Pixel Data.</summary>
    /// <exception cref="Errors.DicomFormatException">The file is not valid DICOM.</exception>
    public static DicomFile Open(string path, DicomReadOptions? options = null)
    {
        options ??= DicomReadOptions.Default;
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (options.StopBeforePixelData || length > WholeFileLimit)
        {
            using var stream = new FileStream(handle, FileAccess.Read, FileBufferSize);
            return Read(stream, options);
        }

        return Read(ReadWhole(handle, length), options);
    }

    /// <summary>Reads a file from bytes in memory; values are slices of <paramref name="bytes"/>, not copies.</summary>
    public static DicomFile Read(ReadOnlyMemory<byte> bytes, DicomReadOptions? options = null) =>
        Part10Reader.Read(new DicomInput(bytes), options ?? DicomReadOptions.Default);

    /// <summary>Reads a file from a stream, which is left after the last byte read.</summary>
    public static DicomFile Read(Stream stream, DicomReadOptions? options = null) =>
        Part10Reader.Read(new DicomInput(stream), options ?? DicomReadOptions.Default);

    /// <summary>Reads a bare data set (no preamble, no meta information) in a known transfer syntax.</summary>
    public static DicomDataset ReadDataset(ReadOnlyMemory<byte> bytes, DicomTransferSyntax syntax, DicomReadOptions? options = null) =>
        ReadDataset(new DicomInput(bytes), syntax, options);

    /// <summary>Reads a bare data set from a stream, as a C-STORE data set arrives.</summary>
    public static DicomDataset ReadDataset(Stream stream, DicomTransferSyntax syntax, DicomReadOptions? options = null) =>
        ReadDataset(new DicomInput(stream), syntax, options);

    /// <summary>Writes the file: preamble, meta information built from the data set, then the data set.</summary>
    /// <exception cref="NotSupportedException">The transfer syntax is Explicit VR Big Endian.</exception>
    public void Write(Stream output) => Part10Writer.Write(output, this);

    public void Save(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        Write(stream);
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Write(stream);
        return stream.ToArray();
    }

    /// <summary>Writes a bare data set in <paramref name="syntax"/>, without preamble or meta information.</summary>
    public static void WriteDataset(Stream output, DicomDataset dataset, DicomTransferSyntax syntax) =>
        Part10Writer.WriteDataset(output, dataset, syntax);

    /// <summary>Returns the meta information <see cref="Write"/> would write, without its group length.</summary>
    public DicomDataset BuildFileMetaInformation() => Part10Writer.BuildFileMetaInformation(this);

    /// <summary>
    /// Reads a whole file into an array that is not zeroed first, because the read overwrites
    /// every byte. For a file of a few hundred KiB that saves a pass over memory. A file that
    /// shrinks while it is read gives the bytes that were there.
    /// </summary>
    private static ReadOnlyMemory<byte> ReadWhole(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long length)
    {
        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        var filled = 0;
        while (filled < bytes.Length)
        {
            var read = RandomAccess.Read(handle, bytes.AsSpan(filled), filled);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return bytes.AsMemory(0, filled);
    }

    private static DicomDataset ReadDataset(DicomInput input, DicomTransferSyntax syntax, DicomReadOptions? options)
    {
        options ??= DicomReadOptions.Default;
        var source = syntax.IsDeflated
            ? new DicomInput(new InflatingStream(input.RestAsStream(), options.MaxInflatedLength, input.Position))
            : input;
        return new DicomDatasetReader(source, syntax, options).ReadTopLevel();
    }
}
