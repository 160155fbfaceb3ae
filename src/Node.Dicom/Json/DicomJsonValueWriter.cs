using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Vr;

namespace Node.Dicom.Json;

/// <summary>
/// Writes the "Value" or "InlineBinary" member of one element in the form PS3.18 Annex F.2
/// gives its VR. An empty value writes nothing, and an empty value among several is written as null.
/// </summary>
internal static class DicomJsonValueWriter
{
    private const string ValueMember = "Value";
    private const string InlineBinaryMember = "InlineBinary";

    /// <summary>
    /// The largest integer that a JSON reader using IEEE doubles keeps exact, 2^53 - 1 (RFC 8259
    /// section 6). SV and UV values beyond it are written as strings, as DCMTK 3.6.7 does.
    /// </summary>
    private const long MaxSafeInteger = (1L << 53) - 1;

    private static readonly string[] PersonNameGroupMembers = ["Alphabetic", "Ideographic", "Phonetic"];

    /// <summary>Writes the value of <paramref name="element"/>, which belongs to <paramref name="dataset"/> (its character set decodes the text).</summary>
    /// <exception cref="DicomFormatException">A binary value's length is not a multiple of its VR's unit size.</exception>
    public static void Write(Utf8JsonWriter writer, DicomDataset dataset, DicomValueElement element)
    {
        switch (element.VR.Kind)
        {
            case DicomVRKind.Text:
                WriteText(writer, dataset, element);
                break;
            case DicomVRKind.Number when element.VR == DicomVR.AT:
                WriteAttributeTags(writer, element);
                break;
            case DicomVRKind.Number:
                WriteBinaryNumbers(writer, element);
                break;
            default:
                WriteInlineBinary(writer, element);
                break;
        }
    }

    private static void WriteText(Utf8JsonWriter writer, DicomDataset dataset, DicomValueElement element)
    {
        // One value of padding only is an empty value, as DCMTK reads it; so is a PN value of delimiters only.
        var values = dataset.GetStrings(element.Tag);
        if (values is [] || (values is [var only] && IsEmptyValue(only, element.VR)))
        {
            return;
        }

        writer.WriteStartArray(ValueMember);
        foreach (var value in values)
        {
            if (IsEmptyValue(value, element.VR))
            {
                writer.WriteNullValue();
            }
            else if (element.VR == DicomVR.PN)
            {
                WritePersonName(writer, DicomPersonName.Parse(value));
            }
            else if (element.VR == DicomVR.DS && DicomJsonNumber.TryConvertDecimalString(value, out var decimalNumber))
            {
                WriteNumberText(writer, decimalNumber);
            }
            else if (element.VR == DicomVR.IS && DicomJsonNumber.TryConvertIntegerString(value, out var integerNumber))
            {
                WriteNumberText(writer, integerNumber);
            }
            else
            {
                // Text VRs, and DS or IS values that are not numbers, which a JSON number cannot hold.
                writer.WriteStringValue(value);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Writes JSON number text digit for digit, so no binary rounding changes a DS value. The
    /// parsed element is written rather than a raw value because WriteRawValue skips indentation.
    /// </summary>
    private static void WriteNumberText(Utf8JsonWriter writer, string number)
    {
        using var document = JsonDocument.Parse(number);
        document.RootElement.WriteTo(writer);
    }

    private static bool IsEmptyValue(string value, DicomVR vr)
    {
        if (value.Length == 0)
        {
            return true;
        }

        if (vr != DicomVR.PN)
        {
            return false;
        }

        var name = DicomPersonName.Parse(value);
        return name.Alphabetic.IsEmpty && name.Ideographic.IsEmpty && name.Phonetic.IsEmpty;
    }

    /// <summary>Writes one non-empty PN value as an object of its non-empty component groups (PS3.18 Annex F.2).</summary>
    private static void WritePersonName(Utf8JsonWriter writer, DicomPersonName name)
    {
        DicomPersonNameGroup[] groups = [name.Alphabetic, name.Ideographic, name.Phonetic];
        writer.WriteStartObject();
        for (var i = 0; i < groups.Length; i++)
        {
            if (!groups[i].IsEmpty)
            {
                writer.WriteString(PersonNameGroupMembers[i], groups[i].ToString());
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes AT values as strings of eight upper-case hexadecimal digits, group first.</summary>
    private static void WriteAttributeTags(Utf8JsonWriter writer, DicomValueElement element)
    {
        const int TagSize = 4;
        var span = CheckedSpan(element, TagSize);
        if (span.IsEmpty)
        {
            return;
        }

        writer.WriteStartArray(ValueMember);
        for (var offset = 0; offset < span.Length; offset += TagSize)
        {
            var group = BinaryPrimitives.ReadUInt16LittleEndian(span[offset..]);
            var number = BinaryPrimitives.ReadUInt16LittleEndian(span[(offset + 2)..]);
            writer.WriteStringValue($"{group:X4}{number:X4}");
        }

        writer.WriteEndArray();
    }

    private static void WriteBinaryNumbers(Utf8JsonWriter writer, DicomValueElement element)
    {
        var vr = element.VR;
        var span = CheckedSpan(element, vr.UnitSize);
        if (span.IsEmpty)
        {
            return;
        }

        writer.WriteStartArray(ValueMember);
        for (var offset = 0; offset < span.Length; offset += vr.UnitSize)
        {
            WriteBinaryNumber(writer, vr, span.Slice(offset, vr.UnitSize));
        }

        writer.WriteEndArray();
    }

    private static void WriteBinaryNumber(Utf8JsonWriter writer, DicomVR vr, ReadOnlySpan<byte> bytes)
    {
        switch (vr.Code)
        {
            case "US":
                writer.WriteNumberValue(BinaryPrimitives.ReadUInt16LittleEndian(bytes));
                break;
            case "SS":
                writer.WriteNumberValue(BinaryPrimitives.ReadInt16LittleEndian(bytes));
                break;
            case "UL":
                writer.WriteNumberValue(BinaryPrimitives.ReadUInt32LittleEndian(bytes));
                break;
            case "SL":
                writer.WriteNumberValue(BinaryPrimitives.ReadInt32LittleEndian(bytes));
                break;
            case "FL":
                WriteFloatingPoint(writer, BinaryPrimitives.ReadSingleLittleEndian(bytes));
                break;
            case "FD":
                WriteFloatingPoint(writer, BinaryPrimitives.ReadDoubleLittleEndian(bytes));
                break;
            case "SV":
                WriteLargeInteger(writer, BinaryPrimitives.ReadInt64LittleEndian(bytes));
                break;
            case "UV":
                WriteLargeInteger(writer, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
                break;
            default:
                throw new InvalidOperationException($"VR {vr} is not a binary number VR.");
        }
    }

    /// <summary>
    /// Writes a float as the shortest text that reads back as the same float, and NaN and the
    /// infinities, which JSON numbers cannot hold, as the strings System.Text.Json's
    /// <see cref="System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals"/> reads back.
    /// </summary>
    private static void WriteFloatingPoint(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes a double as <see cref="WriteFloatingPoint(Utf8JsonWriter, float)"/> writes a float.</summary>
    private static void WriteFloatingPoint(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteLargeInteger(Utf8JsonWriter writer, long value)
    {
        if (value is >= -MaxSafeInteger and <= MaxSafeInteger)
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteLargeInteger(Utf8JsonWriter writer, ulong value)
    {
        if (value <= MaxSafeInteger)
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes the value bytes, little endian, in Base64. An empty value writes nothing.</summary>
    private static void WriteInlineBinary(Utf8JsonWriter writer, DicomValueElement element)
    {
        if (element.Length > 0)
        {
            writer.WriteBase64String(InlineBinaryMember, element.Value.Span);
        }
    }

    private static ReadOnlySpan<byte> CheckedSpan(DicomValueElement element, int unitSize)
    {
        if (element.Length % unitSize != 0)
        {
            throw new DicomFormatException($"value length {element.Length} is not a multiple of {unitSize} for VR {element.VR}", tag: element.Tag);
        }

        return element.Value.Span;
    }
}
