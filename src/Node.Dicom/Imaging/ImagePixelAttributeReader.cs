using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Imaging;

/// <summary>
/// Reads the single values of the Image Pixel module attributes. Accepts the VR the standard
/// gives each attribute and also UN, which an Implicit VR data set gets for tags its reader's
/// dictionary does not list. Every fault is a <see cref="DicomPixelDataException"/> naming the
/// attribute.
/// </summary>
internal static class ImagePixelAttributeReader
{
    private const int UInt16Size = 2;

    /// <summary>
    /// Returns the value of a US (or SS) attribute, or null where the attribute is absent. A UN
    /// value is read big-endian where <paramref name="bigEndian"/> is set, as in Explicit VR Big Endian.
    /// </summary>
    public static int? ReadUInt16(DicomDataset dataset, DicomTag tag, bool bigEndian)
    {
        if (Element(dataset, tag) is not { } element)
        {
            return null;
        }

        if (element.VR.Kind == DicomVRKind.Text)
        {
            return ParseInteger(tag, DecodeText(element));
        }

        if (element.VR != DicomVR.US && element.VR != DicomVR.SS && element.VR != DicomVR.UN)
        {
            throw new DicomPixelDataException($"{ImagePixelAttributeNames.Describe(tag)} has VR {element.VR}, expected US", tag);
        }

        if (element.Length != UInt16Size)
        {
            throw new DicomPixelDataException($"{ImagePixelAttributeNames.Describe(tag)} contains {element.Length} bytes, expected one 2-byte value", tag);
        }

        var span = element.Value.Span;
        var value = bigEndian && element.VR == DicomVR.UN ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);
        return element.VR == DicomVR.SS ? (short)value : value;
    }

    /// <summary>Returns the value of an IS attribute, or null where the attribute is absent.</summary>
    public static int? ReadIntegerString(DicomDataset dataset, DicomTag tag)
    {
        var text = ReadText(dataset, tag);
        return text is null ? null : ParseInteger(tag, text);
    }

    /// <summary>Returns the value of a DS attribute, or null where the attribute is absent.</summary>
    public static double? ReadDecimalString(DicomDataset dataset, DicomTag tag)
    {
        var text = ReadText(dataset, tag);
        if (text is null)
        {
            return null;
        }

        if (!DicomDecimalString.TryParse(text, out double value))
        {
            throw new DicomPixelDataException($"{ImagePixelAttributeNames.Describe(tag)} '{text}' is not a decimal number", tag);
        }

        return value;
    }

    /// <summary>
    /// Returns the first value of a multi-valued DS attribute such as Window Center, or null
    /// where the attribute is absent. Later values are not checked.
    /// </summary>
    public static double? ReadFirstDecimalString(DicomDataset dataset, DicomTag tag)
    {
        var text = ReadAllText(dataset, tag);
        if (text is null)
        {
            return null;
        }

        var first = text.Split('\\')[0];
        if (!DicomDecimalString.TryParse(first, out double value))
        {
            throw new DicomPixelDataException($"{ImagePixelAttributeNames.Describe(tag)} '{text}' does not start with a decimal number", tag);
        }

        return value;
    }

    /// <summary>Returns the value of a CS, IS or DS attribute without padding, or null where the attribute is absent.</summary>
    public static string? ReadText(DicomDataset dataset, DicomTag tag)
    {
        var text = ReadAllText(dataset, tag);
        if (text is not null && text.Contains('\\', StringComparison.Ordinal))
        {
            throw new DicomPixelDataException($"{ImagePixelAttributeNames.Describe(tag)} '{text}' contains several values, expected one", tag);
        }

        return text;
    }

    /// <summary>Returns the whole value of a text attribute without padding, values still separated by '\'.</summary>
    private static string? ReadAllText(DicomDataset dataset, DicomTag tag)
    {
        if (Element(dataset, tag) is not { } element)
        {
            return null;
        }

        if (element.VR.Kind != DicomVRKind.Text && element.VR != DicomVR.UN)
        {
            throw new DicomPixelDataException($"{ImagePixelAttributeNames.Describe(tag)} has VR {element.VR}, expected a text VR", tag);
        }

        return DecodeText(element);
    }

    /// <summary>Returns the raw value bytes of a binary attribute such as OV, or null where the attribute is absent.</summary>
    public static ReadOnlyMemory<byte>? ReadBytes(DicomDataset dataset, DicomTag tag) => Element(dataset, tag)?.Value;

    /// <summary>Returns the element, or null where it is absent or empty; a sequence in its place is a fault.</summary>
    private static DicomValueElement? Element(DicomDataset dataset, DicomTag tag)
    {
        var element = dataset.GetElement(tag);
        if (element is null)
        {
            return null;
        }

        if (element is not DicomValueElement value)
        {
            throw new DicomPixelDataException($"{ImagePixelAttributeNames.Describe(tag)} is a sequence, expected a single value", tag);
        }

        return value.Length == 0 ? null : value;
    }

    private static string DecodeText(DicomValueElement element) =>
        Encoding.ASCII.GetString(element.Value.Span).Trim(' ', '\0');

    private static int ParseInteger(DicomTag tag, string text)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value))
        {
            throw new DicomPixelDataException($"{ImagePixelAttributeNames.Describe(tag)} '{text}' is not an integer", tag);
        }

        return value;
    }
}
