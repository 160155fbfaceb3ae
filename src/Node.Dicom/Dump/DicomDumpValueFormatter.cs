using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Node.Dicom.Data;
using Node.Dicom.Vr;

namespace Node.Dicom.Dump;

/// <summary>Formats the value of one element for a dump line, and counts its values.</summary>
internal static class DicomDumpValueFormatter
{
    private const string NoValue = "(no value)";
    private const string Ellipsis = "...";

    /// <summary>
    /// Returns the value as the dump shows it: decoded text in brackets with '\' between values,
    /// numbers separated by '\', AT values as tags, and bulk values as their length in bytes.
    /// Text and number lists longer than <paramref name="maxLength"/> characters are cut and end in "...".
    /// </summary>
    public static string Format(DicomDataset dataset, DicomValueElement element, int maxLength)
    {
        if (element.Length == 0)
        {
            return NoValue;
        }

        return element.VR.Kind switch
        {
            DicomVRKind.Text => FormatText(dataset.GetString(element.Tag) ?? string.Empty, maxLength),
            DicomVRKind.Number => FormatNumbers(element, maxLength),
            _ => $"<{element.Length} bytes>",
        };
    }

    /// <summary>Returns the value multiplicity: the number of values, 1 for a non-empty bulk value, 0 for an empty one.</summary>
    public static int CountValues(DicomDataset dataset, DicomValueElement element)
    {
        var unitSize = element.VR == DicomVR.AT ? 4 : element.VR.UnitSize;
        return element.VR.Kind switch
        {
            DicomVRKind.Text => dataset.GetStrings(element.Tag).Length,
            DicomVRKind.Number => element.Length / unitSize,
            _ => element.Length > 0 ? 1 : 0,
        };
    }

    /// <summary>Brackets the text, with control characters escaped so the element stays on one line.</summary>
    private static string FormatText(string text, int maxLength)
    {
        if (text.Length == 0)
        {
            return NoValue;
        }

        var escaped = new StringBuilder();
        var index = 0;
        while (index < text.Length && escaped.Length < maxLength)
        {
            escaped.Append(Escape(text[index++]));
        }

        var cut = index < text.Length || escaped.Length > maxLength;
        var body = escaped.Length > maxLength ? escaped.ToString(0, maxLength) : escaped.ToString();
        return "[" + body + (cut ? Ellipsis : string.Empty) + "]";
    }

    private static string Escape(char character) => character switch
    {
        '\r' => "\\r",
        '\n' => "\\n",
        '\t' => "\\t",
        _ when char.IsControl(character) => $"\\u{(int)character:X4}",
        _ => character.ToString(),
    };

    private static string FormatNumbers(DicomValueElement element, int maxLength)
    {
        var unitSize = element.VR == DicomVR.AT ? 4 : element.VR.UnitSize;
        if (element.Length % unitSize != 0)
        {
            return $"<{element.Length} bytes, not a multiple of {unitSize} for VR {element.VR}>";
        }

        // Stop formatting once the text is past the limit, so a long array costs no more than a short one.
        var span = element.Value.Span;
        var text = new StringBuilder();
        for (var offset = 0; offset < span.Length && text.Length <= maxLength; offset += unitSize)
        {
            if (offset > 0)
            {
                text.Append('\\');
            }

            text.Append(FormatNumber(element.VR, span.Slice(offset, unitSize)));
        }

        return text.Length > maxLength ? text.ToString(0, maxLength) + Ellipsis : text.ToString();
    }

    private static string FormatNumber(DicomVR vr, ReadOnlySpan<byte> bytes) => vr.Code switch
    {
        "AT" => $"({BinaryPrimitives.ReadUInt16LittleEndian(bytes):X4},{BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]):X4})",
        "US" => BinaryPrimitives.ReadUInt16LittleEndian(bytes).ToString(CultureInfo.InvariantCulture),
        "SS" => BinaryPrimitives.ReadInt16LittleEndian(bytes).ToString(CultureInfo.InvariantCulture),
        "UL" => BinaryPrimitives.ReadUInt32LittleEndian(bytes).ToString(CultureInfo.InvariantCulture),
        "SL" => BinaryPrimitives.ReadInt32LittleEndian(bytes).ToString(CultureInfo.InvariantCulture),
        "FL" => BinaryPrimitives.ReadSingleLittleEndian(bytes).ToString("R", CultureInfo.InvariantCulture),
        "FD" => BinaryPrimitives.ReadDoubleLittleEndian(bytes).ToString("R", CultureInfo.InvariantCulture),
        "SV" => BinaryPrimitives.ReadInt64LittleEndian(bytes).ToString(CultureInfo.InvariantCulture),
        "UV" => BinaryPrimitives.ReadUInt64LittleEndian(bytes).ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"VR {vr} is not a binary number VR."),
    };
}
