using System.Globalization;

namespace Node.Dicom.Generator.Sources;

/// <summary>
/// A tag or a repeating tag: the lowest tag it covers and the bits that must match, with zero
/// bits for each "x" digit of the standard's notation, for example (60xx,3000).
/// </summary>
internal readonly record struct TagPattern(uint Value, uint Mask)
{
    public const uint ExactMask = 0xFFFFFFFF;

    private const int HexDigitsInPart = 4;

    public bool IsExact => Mask == ExactMask;

    public ushort Group => (ushort)(Value >> 16);

    public ushort Element => (ushort)Value;

    /// <summary>True when <paramref name="tag"/> is one of the tags this pattern covers.</summary>
    public bool Covers(uint tag) => (tag & Mask) == Value;

    /// <summary>Parses a group and an element of four hex digits each, where "x" stands for any digit.</summary>
    public static TagPattern Parse(string group, string element)
    {
        var (groupValue, groupMask) = ParsePart(group);
        var (elementValue, elementMask) = ParsePart(element);
        return new TagPattern((groupValue << 16) | elementValue, (groupMask << 16) | elementMask);
    }

    /// <summary>Formats as "(gggg,eeee)" with "x" for each open digit.</summary>
    public override string ToString()
    {
        var digits = Value.ToString("X8", CultureInfo.InvariantCulture).ToCharArray();
        for (var index = 0; index < digits.Length; index++)
        {
            var shift = (digits.Length - 1 - index) * 4;
            if (((Mask >> shift) & 0xF) != 0xF)
            {
                digits[index] = 'x';
            }
        }

        var text = new string(digits);
        return $"({text[..HexDigitsInPart]},{text[HexDigitsInPart..]})";
    }

    private static (uint Value, uint Mask) ParsePart(string part)
    {
        if (part.Length != HexDigitsInPart)
        {
            throw new FormatException($"Invalid tag part '{part}': expected {HexDigitsInPart} hex digits or x.");
        }

        uint value = 0;
        uint mask = 0;
        foreach (var digit in part)
        {
            value <<= 4;
            mask <<= 4;
            if (digit is 'x' or 'X')
            {
                continue;
            }

            value |= uint.Parse(digit.ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            mask |= 0xF;
        }

        return (value, mask);
    }
}
