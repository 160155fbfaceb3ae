using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Tags;

namespace Node.Dicom.Json;

/// <summary>
/// Writes a data set in the DICOM JSON Model of PS3.18 Annex F.2: an object keyed by the
/// eight-digit upper-case hexadecimal tag, each member an object with "vr" and either "Value"
/// or "InlineBinary". "Value" is an array, of nested data set objects for a sequence;
/// "InlineBinary" is Base64.
/// </summary>
/// <remarks>
/// Group length elements (gggg,0000) are left out, because they count bytes of a binary
/// encoding that JSON does not have; DCMTK's dcm2json leaves them out too. The writer writes
/// only the data set it is given, so file meta information (group 0002) is not written.
/// </remarks>
public static class DicomJsonWriter
{
    private const string VRMember = "vr";
    private const string ValueMember = "Value";

    /// <summary>The Specific Character Set (0008,0005) term for UTF-8.</summary>
    private const string Utf8CharacterSetTerm = "ISO_IR 192";

    /// <summary>Specific Character Set (0008,0005) as one number, for pattern matching.</summary>
    private const uint SpecificCharacterSetTag = 0x00080005;

    /// <summary>Returns the data set as DICOM JSON text.</summary>
    /// <exception cref="NotSupportedException">The data set contains encapsulated pixel data.</exception>
    /// <exception cref="DicomFormatException">A binary value's length is not a multiple of its VR's unit size.</exception>
    public static string Serialize(DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        using var stream = new MemoryStream();
        Write(stream, dataset, options);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes the data set to <paramref name="output"/> in UTF-8.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The options' indent size is outside 0 to 127.</exception>
    /// <exception cref="NotSupportedException">The data set contains encapsulated pixel data, and nothing was written.</exception>
    /// <exception cref="DicomFormatException">A binary value's length is not a multiple of its VR's unit size.</exception>
    public static void Write(Stream output, DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= DicomJsonWriterOptions.Default;
        var writerOptions = new JsonWriterOptions
        {
            Indented = options.Indented,
            IndentSize = options.IndentSize,
            NewLine = "\n",

            // The default encoder escapes every non-ASCII character and HTML-sensitive ones such
            // as '+'. The output is a JSON document, not HTML, so only what JSON requires is escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        using var writer = new Utf8JsonWriter(output, writerOptions);
        Write(writer, dataset);
    }

    /// <summary>
    /// Writes the data set as one JSON object, as a value of <paramref name="writer"/>'s
    /// current position. The writer is flushed but not disposed.
    /// </summary>
    /// <exception cref="NotSupportedException">The data set contains encapsulated pixel data, and nothing was written.</exception>
    /// <exception cref="DicomFormatException">A binary value's length is not a multiple of its VR's unit size.</exception>
    public static void Write(Utf8JsonWriter writer, DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(dataset);
        RejectEncapsulatedPixelData(dataset);

        WriteDataset(writer, dataset);
        writer.Flush();
    }

    private static void WriteDataset(Utf8JsonWriter writer, DicomDataset dataset)
    {
        writer.WriteStartObject();
        foreach (var element in dataset)
        {
            if (!element.Tag.IsGroupLength)
            {
                WriteElement(writer, dataset, element);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteElement(Utf8JsonWriter writer, DicomDataset dataset, DicomElement element)
    {
        writer.WritePropertyName(element.Tag.Value.ToString("X8", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteStartObject();
        writer.WriteString(VRMember, element.VR.Code);

        if (element is DicomSequence sequence)
        {
            WriteItems(writer, sequence);
        }
        else if (element is DicomValueElement { Tag.Value: SpecificCharacterSetTag })
        {
            WriteUtf8CharacterSet(writer);
        }
        else if (element is DicomValueElement value)
        {
            DicomJsonValueWriter.Write(writer, dataset, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes "ISO_IR 192" (UTF-8) as the value of Specific Character Set (0008,0005), even where
    /// the element was empty. JSON text is Unicode whatever the data set's character set was, so
    /// a reader that turns the JSON back into a data set must encode the text in UTF-8. DCMTK
    /// 3.6.7's dcm2json rewrites the element the same way.
    /// </summary>
    private static void WriteUtf8CharacterSet(Utf8JsonWriter writer)
    {
        writer.WriteStartArray(ValueMember);
        writer.WriteStringValue(Utf8CharacterSetTerm);
        writer.WriteEndArray();
    }

    /// <summary>Writes the items of a sequence as an array of data set objects. An empty sequence gets no "Value".</summary>
    private static void WriteItems(Utf8JsonWriter writer, DicomSequence sequence)
    {
        if (sequence.Items.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(ValueMember);
        foreach (var item in sequence.Items)
        {
            WriteDataset(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Throws where the data set or any of its items contains encapsulated pixel data. PS3.18
    /// F.2 gives its fragments no InlineBinary form, only a BulkDataURI, which this writer does
    /// not produce. DCMTK 3.6.7's dcm2json rejects such files the same way. Checking first
    /// keeps the output from ending halfway.
    /// </summary>
    private static void RejectEncapsulatedPixelData(DicomDataset dataset)
    {
        if (FindFragments(dataset) is { } fragments)
        {
            throw new NotSupportedException(
                $"element {fragments.Tag} holds encapsulated pixel data, which DICOM JSON can carry only as a BulkDataURI, and this writer writes no bulk data URIs");
        }
    }

    private static DicomFragmentSequence? FindFragments(DicomDataset dataset)
    {
        foreach (var element in dataset)
        {
            if (element is DicomFragmentSequence fragments)
            {
                return fragments;
            }

            if (element is DicomSequence sequence && sequence.Items.Select(FindFragments).FirstOrDefault(found => found is not null) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}
