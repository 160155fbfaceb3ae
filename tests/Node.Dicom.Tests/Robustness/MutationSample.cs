using System.IO.Compression;
using Node.Dicom.IO;

namespace Node.Dicom.Tests.Robustness;

/// <summary>
/// A sample file prepared for mutation. Mutations apply to its plain view: the file itself,
/// or for a deflated file the meta information followed by the inflated data set, which
/// <see cref="Encode"/> deflates again, so that aimed mutations reach the data set's fields.
/// </summary>
internal sealed class MutationSample
{
    private MutationSample(string name, byte[] file, byte[] plainView, int datasetOffset, bool deflated, bool bigEndian, IReadOnlyList<LayoutField> fields)
    {
        IsBigEndian = bigEndian;
        Name = name;
        File = file;
        PlainView = plainView;
        DatasetOffset = datasetOffset;
        IsDeflated = deflated;
        Fields = fields;
    }

    public string Name { get; }

    /// <summary>The file as stored.</summary>
    public byte[] File { get; }

    public byte[] PlainView { get; }

    /// <summary>Offset in <see cref="PlainView"/> where the data set starts, after the meta information.</summary>
    public int DatasetOffset { get; }

    public bool IsDeflated { get; }

    /// <summary>True where the data set is Explicit VR Big Endian. The meta information is little endian even then.</summary>
    public bool IsBigEndian { get; }

    /// <summary>The fields of <see cref="PlainView"/>, in file order.</summary>
    public IReadOnlyList<LayoutField> Fields { get; }

    public static MutationSample Load(string path)
    {
        var file = System.IO.File.ReadAllBytes(path);
        var syntax = DicomFile.Read(file).TransferSyntax;
        var fields = LayoutScanner.ScanFile(file, syntax.IsExplicitVR, syntax.IsBigEndian, scanDataset: !syntax.IsDeflated, out var datasetOffset);
        if (!syntax.IsDeflated)
        {
            return new MutationSample(Path.GetFileName(path), file, file, datasetOffset, deflated: false, syntax.IsBigEndian, fields);
        }

        var inflated = Inflate(file.AsSpan(datasetOffset).ToArray());
        byte[] plainView = [.. file.AsSpan(0, datasetOffset), .. inflated];
        var datasetFields = LayoutScanner.ScanDataset(plainView, datasetOffset, explicitVR: true, bigEndian: false);
        return new MutationSample(Path.GetFileName(path), file, plainView, datasetOffset, deflated: true, bigEndian: false, [.. fields, .. datasetFields]);
    }

    /// <summary>Turns a mutated plain view into file bytes: deflates the data set part of a deflated sample.</summary>
    public byte[] Encode(byte[] plainView)
    {
        if (!IsDeflated || plainView.Length <= DatasetOffset)
        {
            return plainView;
        }

        using var output = new MemoryStream();
        output.Write(plainView, 0, DatasetOffset);
        using (var deflater = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflater.Write(plainView, DatasetOffset, plainView.Length - DatasetOffset);
        }

        return output.ToArray();
    }

    private static byte[] Inflate(byte[] compressed)
    {
        using var inflater = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        inflater.CopyTo(inflated);
        return inflated.ToArray();
    }
}
