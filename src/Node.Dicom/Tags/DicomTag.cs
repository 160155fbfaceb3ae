using System.Globalization;

namespace Node.Dicom.Tags;

/// <summary>
/// A data element tag: a group and an element number, ordered as PS3.5 orders elements in a
/// data set (by group, then by element).
/// </summary>
public readonly struct DicomTag : IEquatable<DicomTag>, IComparable<DicomTag>
{
    public DicomTag(ushort group, ushort element)
    {
        Group = group;
        Element = element;
    }

    public ushort Group { get; }

    public ushort Element { get; }

    /// <summary>The tag as one 32-bit number, group in the high half.</summary>
    public uint Value => ((uint)Group << 16) | Element;

    /// <summary>True for odd groups other than 0001, 0003, 0005 and 0007, which PS3.5 7.1 forbids.</summary>
    public bool IsPrivate => (Group & 1) == 1 && Group > 0x0007;

    /// <summary>True for a private creator element (gggg,0010-00FF) in a private group.</summary>
    public bool IsPrivateCreator => IsPrivate && Element >= 0x0010 && Element <= 0x00FF;

    /// <summary>True for a group length element (gggg,0000).</summary>
    public bool IsGroupLength => Element == 0x0000;

    public static DicomTag FromValue(uint value) => new((ushort)(value >> 16), (ushort)value);

    /// <summary>
    /// Parses "(gggg,eeee)", "gggg,eeee" or "ggggeeee" in hexadecimal.
    /// </summary>
    /// <exception cref="FormatException">The text is not a tag in one of these forms.</exception>
    public static DicomTag Parse(string text)
    {
        if (TryParse(text, out var tag))
        {
            return tag;
        }

        throw new FormatException($"Invalid DICOM tag '{text}': expected (gggg,eeee), gggg,eeee or ggggeeee in hexadecimal.");
    }

    public static bool TryParse(string? text, out DicomTag tag)
    {
        tag = default;
        if (text is null)
        {
            return false;
        }

        var digits = text.Trim().TrimStart('(').TrimEnd(')').Replace(",", string.Empty, StringComparison.Ordinal);
        if (digits.Length != 8 || !uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        tag = FromValue(value);
        return true;
    }

    public bool Equals(DicomTag other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is DicomTag other && Equals(other);

    public override int GetHashCode() => (int)Value;

    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    public static bool operator ==(DicomTag left, DicomTag right) => left.Equals(right);

    public static bool operator !=(DicomTag left, DicomTag right) => !left.Equals(right);

    public static bool operator <(DicomTag left, DicomTag right) => left.Value < right.Value;

    public static bool operator >(DicomTag left, DicomTag right) => left.Value > right.Value;

    public static bool operator <=(DicomTag left, DicomTag right) => left.Value <= right.Value;

    public static bool operator >=(DicomTag left, DicomTag right) => left.Value >= right.Value;

    /// <summary>Formats as "(gggg,eeee)" in upper-case hexadecimal.</summary>
    public override string ToString() => $"({Group:X4},{Element:X4})";

    /// <summary>Item (FFFE,E000).</summary>
    public static readonly DicomTag Item = new(0xFFFE, 0xE000);

    /// <summary>Item Delimitation Item (FFFE,E00D).</summary>
    public static readonly DicomTag ItemDelimitationItem = new(0xFFFE, 0xE00D);

    /// <summary>Sequence Delimitation Item (FFFE,E0DD).</summary>
    public static readonly DicomTag SequenceDelimitationItem = new(0xFFFE, 0xE0DD);
}
