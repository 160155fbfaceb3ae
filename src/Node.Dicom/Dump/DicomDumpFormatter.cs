using Node.Dicom.Data;
using Node.Dicom.Dictionary;
using Node.Dicom.IO;
using Node.Dicom.Tags;

namespace Node.Dicom.Dump;

/// <summary>
/// Writes a data set as readable text in the manner of DCMTK's dcmdump: one line per element
/// with tag, VR, value and a comment giving the length in bytes, the number of values and the
/// keyword. Items of a sequence and fragments of encapsulated pixel data follow their element,
/// indented one level per nesting.
/// </summary>
/// <example>
/// <code>
/// (0010,0010) PN [Doe^John]                               # 8, 1 PatientName
/// (0008,1140) SQ &lt;1 item&gt;                                 # ReferencedImageSequence
///   (FFFE,E000) Item 1 &lt;1 element&gt;
///     (0008,1150) UI [1.2.840.10008.5.1.4.1.1.2]              # 26, 1 ReferencedSOPClassUID
/// </code>
/// </example>
public static class DicomDumpFormatter
{
    /// <summary>The width, after the indent, that the tag, VR and value are padded to before " # " and the comment.</summary>
    private const int LineTextWidth = 55;

    private const string Indent = "  ";

    /// <summary>Returns the dump of <paramref name="dataset"/>, one line per element, each ending in '\n'.</summary>
    public static string Format(DicomDataset dataset, DicomDumpOptions? options = null)
    {
        using var output = new StringWriter { NewLine = "\n" };
        Write(output, dataset, options);
        return output.ToString();
    }

    public static void Write(TextWriter output, DicomDataset dataset, DicomDumpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= DicomDumpOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxValueLength, 1, nameof(options));

        WriteDataset(output, dataset, depth: 0, options);
    }

    /// <summary>
    /// Writes a file: a comment line and the file meta information, then a comment line naming
    /// the transfer syntax and the data set, and a last comment where reading stopped before
    /// Pixel Data.
    /// </summary>
    public static void Write(TextWriter output, DicomFile file, DicomDumpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(file);

        output.WriteLine(file.FileMetaInformation.Count == 0
            ? "# File meta information: none"
            : "# File meta information (Explicit VR Little Endian)");
        Write(output, file.FileMetaInformation, options);

        output.WriteLine();
        output.WriteLine($"# Data set ({file.TransferSyntax.Name})");
        Write(output, file.Dataset, options);

        if (file.StoppedBeforePixelData)
        {
            output.WriteLine($"# Stopped before Pixel Data {DicomTags.PixelData}");
        }
    }

    private static void WriteDataset(TextWriter output, DicomDataset dataset, int depth, DicomDumpOptions options)
    {
        foreach (var element in dataset)
        {
            switch (element)
            {
                case DicomSequence sequence:
                    WriteSequence(output, dataset, sequence, depth, options);
                    break;
                case DicomFragmentSequence fragments:
                    WriteFragments(output, dataset, fragments, depth);
                    break;
                case DicomValueElement value:
                    var text = DicomDumpValueFormatter.Format(dataset, value, options.MaxValueLength);
                    var count = DicomDumpValueFormatter.CountValues(dataset, value);
                    WriteLine(output, depth, $"{value.Tag} {value.VR} {text}", $"{value.Length}, {count} {Describe(dataset, value.Tag)}");
                    break;
            }
        }
    }

    private static void WriteSequence(TextWriter output, DicomDataset dataset, DicomSequence sequence, int depth, DicomDumpOptions options)
    {
        WriteLine(output, depth, $"{sequence.Tag} SQ <{Count(sequence.Items.Count, "item")}>", Describe(dataset, sequence.Tag));
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            WriteLine(output, depth + 1, $"{DicomTag.Item} Item {i + 1} <{Count(item.Count, "element")}>", comment: null);
            WriteDataset(output, item, depth + 2, options);
        }
    }

    /// <summary>Writes encapsulated pixel data (PS3.5 A.4): the element, its Basic Offset Table and each fragment with its length.</summary>
    private static void WriteFragments(TextWriter output, DicomDataset dataset, DicomFragmentSequence fragments, int depth)
    {
        var summary = $"<encapsulated, {Count(fragments.Fragments.Count, "fragment")}>";
        WriteLine(output, depth, $"{fragments.Tag} {fragments.VR} {summary}", Describe(dataset, fragments.Tag));
        WriteLine(output, depth + 1, $"{DicomTag.Item} Basic Offset Table <{fragments.BasicOffsetTable.Length} bytes>", comment: null);
        for (var i = 0; i < fragments.Fragments.Count; i++)
        {
            WriteLine(output, depth + 1, $"{DicomTag.Item} Fragment {i + 1} <{fragments.Fragments[i].Length} bytes>", comment: null);
        }
    }

    private static void WriteLine(TextWriter output, int depth, string text, string? comment)
    {
        for (var level = 0; level < depth; level++)
        {
            output.Write(Indent);
        }

        if (comment is null)
        {
            output.WriteLine(text);
            return;
        }

        output.Write(text.PadRight(LineTextWidth));
        output.WriteLine(" # " + comment);
    }

    /// <summary>
    /// Returns the keyword of the tag from the data dictionary. A tag the dictionary lacks is
    /// described as "GroupLength", "PrivateCreator", "Private", or "Unknown". "Private" is
    /// followed by the creator in brackets where the data set names one.
    /// </summary>
    private static string Describe(DicomDataset dataset, DicomTag tag)
    {
        if (DicomDictionary.TryFind(tag, out var entry))
        {
            return entry.Keyword;
        }

        if (tag.IsGroupLength)
        {
            return "GroupLength";
        }

        if (tag.IsPrivateCreator)
        {
            return "PrivateCreator";
        }

        if (tag.IsPrivate)
        {
            return dataset.GetPrivateCreator(tag) is { } creator ? $"Private [{creator}]" : "Private";
        }

        return "Unknown";
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
