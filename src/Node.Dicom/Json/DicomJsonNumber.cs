namespace Node.Dicom.Json;

/// <summary>
/// Rewrites Decimal String (DS) and Integer String (IS) values as JSON number text with the same
/// value: DICOM allows a leading '+', leading zeros, ".5" and "5.", which JSON (RFC 8259
/// section 6) does not.
/// </summary>
internal static class DicomJsonNumber
{
    /// <summary>
    /// Converts one trimmed DS value: an optional sign, digits with an optional decimal point,
    /// and an optional exponent after 'E' or 'e' (PS3.5 Table 6.2-1).
    /// </summary>
    /// <returns>False where the text is not a DS number; <paramref name="json"/> is then empty.</returns>
    public static bool TryConvertDecimalString(string text, out string json) => TryConvert(text, allowFraction: true, out json);

    /// <summary>Converts one trimmed IS value: an optional sign and digits only.</summary>
    /// <returns>False where the text is not an IS number; <paramref name="json"/> is then empty.</returns>
    public static bool TryConvertIntegerString(string text, out string json) => TryConvert(text, allowFraction: false, out json);

    private static bool TryConvert(string text, bool allowFraction, out string json)
    {
        json = string.Empty;
        var position = 0;

        var negative = TryReadSign(text, ref position);
        var integerDigits = ReadDigits(text, ref position);
        var fractionDigits = string.Empty;
        if (allowFraction && position < text.Length && text[position] == '.')
        {
            position++;
            fractionDigits = ReadDigits(text, ref position);
        }

        if (integerDigits.Length + fractionDigits.Length == 0)
        {
            return false;
        }

        var exponent = string.Empty;
        if (allowFraction && position < text.Length && text[position] is 'E' or 'e')
        {
            position++;
            var exponentNegative = TryReadSign(text, ref position);
            var exponentDigits = ReadDigits(text, ref position);
            if (exponentDigits.Length == 0)
            {
                return false;
            }

            exponent = (exponentNegative ? "E-" : "E") + exponentDigits;
        }

        if (position != text.Length)
        {
            return false;
        }

        // JSON forbids leading zeros in the integer part and a decimal point without digits after it.
        var integerPart = integerDigits.TrimStart('0');
        json = (negative ? "-" : string.Empty)
            + (integerPart.Length == 0 ? "0" : integerPart)
            + (fractionDigits.Length == 0 ? string.Empty : "." + fractionDigits)
            + exponent;
        return true;
    }

    /// <summary>Skips an optional '+' or '-' and returns true for '-'.</summary>
    private static bool TryReadSign(string text, ref int position)
    {
        if (position < text.Length && text[position] is '+' or '-')
        {
            return text[position++] == '-';
        }

        return false;
    }

    private static string ReadDigits(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        return text[start..position];
    }
}
