using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Node.Dicom.Errors;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Data;

/// <summary>Numeric values: binary numbers, IS and DS text, raw bytes and sequences.</summary>
public sealed partial class DicomDataset
{
    /// <summary>
    /// Returns the values of a binary element (US SS UL SL FL FD SV UV and the O* VRs) as an array
    /// of <typeparamref name="T"/>, whose size must equal the VR's unit size (1 for OB and UN).
    /// An absent element gives an empty array.
    /// </summary>
    /// <exception cref="ArgumentException">The element's VR does not hold values of that size.</exception>
    /// <exception cref="DicomFormatException">The value length is not a multiple of the size.</exception>
    public T[] GetValues<T>(DicomTag tag)
        where T : unmanaged
    {
        if (GetElement(tag) is not DicomValueElement element)
        {
            return [];
        }

        var size = Unsafe.SizeOf<T>();
        if (element.VR.Kind is DicomVRKind.Text or DicomVRKind.Sequence || (element.VR.UnitSize != size && element.VR != DicomVR.AT))
        {
            throw new ArgumentException($"Element {tag} has VR {element.VR}, whose values are not {size}-byte numbers.", nameof(T));
        }

        if (element.Length % size != 0)
        {
            throw new DicomFormatException($"value length {element.Length} is not a multiple of {size} for VR {element.VR}", tag: tag);
        }

        return MemoryMarshal.Cast<byte, T>(element.Value.Span).ToArray();
    }

    /// <summary>Returns the tags of an AT element.</summary>
    public DicomTag[] GetTags(DicomTag tag)
    {
        var words = GetValues<ushort>(tag);
        var tags = new DicomTag[words.Length / 2];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = new DicomTag(words[2 * i], words[(2 * i) + 1]);
        }

        return tags;
    }

    /// <summary>Returns value <paramref name="index"/> of an integer element (US SS UL SL SV UV IS) or a whole-numbered DS.</summary>
    /// <exception cref="DicomFormatException">The element is absent, too short, or its value is not an integer that fits.</exception>
    public long GetInt64(DicomTag tag, int index = 0) =>
        TryGetInt64(tag, out var value, index) ? value : throw NotANumber(tag, index, "an integer");

    public bool TryGetInt64(DicomTag tag, out long value, int index = 0)
    {
        value = 0;
        if (GetElement(tag) is not DicomValueElement element)
        {
            return false;
        }

        if (element.VR.Kind == DicomVRKind.Text)
        {
            return GetString(tag, index) is { } text && TryParseInteger(text, out value);
        }

        return TryReadBinaryInteger(element, index, out value);
    }

    /// <exception cref="DicomFormatException">The element is absent, too short, or its value does not fit an int.</exception>
    public int GetInt32(DicomTag tag, int index = 0)
    {
        var value = GetInt64(tag, index);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw NotANumber(tag, index, "a 32-bit integer");
    }

    public bool TryGetInt32(DicomTag tag, out int value, int index = 0)
    {
        value = 0;
        if (!TryGetInt64(tag, out var wide, index) || wide is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = (int)wide;
        return true;
    }

    /// <summary>Returns value <paramref name="index"/> of a numeric element of any VR (DS IS FL FD and the integers).</summary>
    /// <exception cref="DicomFormatException">The element is absent, too short, or its value is not a number.</exception>
    public double GetDouble(DicomTag tag, int index = 0) =>
        TryGetDouble(tag, out var value, index) ? value : throw NotANumber(tag, index, "a number");

    public bool TryGetDouble(DicomTag tag, out double value, int index = 0)
    {
        value = 0;
        if (GetElement(tag) is not DicomValueElement element)
        {
            return false;
        }

        if (element.VR.Kind == DicomVRKind.Text)
        {
            return GetString(tag, index) is { } text && DicomDecimalString.TryParse(text, out value);
        }

        if (element.VR == DicomVR.FL || element.VR == DicomVR.OF)
        {
            return TryRead(element, index, 4, out var bits) && Assign(BitConverter.Int32BitsToSingle((int)bits), out value);
        }

        if (element.VR == DicomVR.FD || element.VR == DicomVR.OD)
        {
            return TryRead(element, index, 8, out var bits) && Assign(BitConverter.Int64BitsToDouble(bits), out value);
        }

        return TryReadBinaryInteger(element, index, out var integer) && Assign(integer, out value);
    }

    /// <summary>Returns a DS or IS value exactly as written, without binary rounding.</summary>
    /// <exception cref="DicomFormatException">The element is absent, or its value is not a decimal number.</exception>
    public decimal GetDecimal(DicomTag tag, int index = 0)
    {
        if (GetString(tag, index) is { } text && DicomDecimalString.TryParse(text, out decimal value))
        {
            return value;
        }

        throw NotANumber(tag, index, "a decimal number");
    }

    /// <summary>Sets a binary element from an array whose element size matches the VR's unit size.</summary>
    /// <exception cref="ArgumentException">The VR is not binary or the size does not match.</exception>
    public void SetValues<T>(DicomTag tag, DicomVR vr, params T[] values)
        where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        if (vr.Kind is DicomVRKind.Text or DicomVRKind.Sequence || (vr.UnitSize != size && vr != DicomVR.AT))
        {
            throw new ArgumentException($"VR {vr} of element {tag} does not hold {size}-byte values.", nameof(vr));
        }

        var bytes = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        Set(new DicomValueElement(tag, vr, PadToEven(bytes, 0)));
    }

    /// <summary>Sets raw value bytes, little endian, padded with NUL to even length where needed.</summary>
    public void SetBytes(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> value)
    {
        var padded = value.Length % 2 == 0 ? value : PadToEven(value.ToArray(), vr.PaddingByte);
        Set(new DicomValueElement(tag, vr, padded));
    }

    /// <summary>Sets integers with the dictionary's VR for the tag: IS as text, US SS UL SL SV UV as binary.</summary>
    /// <exception cref="ArgumentException">The VR holds no integers, or a value is out of its range.</exception>
    public void SetInt64(DicomTag tag, params long[] values)
    {
        var vr = DictionaryVR(tag);
        if (vr == DicomVR.IS || vr == DicomVR.DS)
        {
            SetString(tag, vr, [.. values.Select(v => v.ToString(CultureInfo.InvariantCulture))]);
            return;
        }

        var bytes = new byte[values.Length * vr.UnitSize];
        for (var i = 0; i < values.Length; i++)
        {
            WriteInteger(tag, vr, values[i], bytes.AsSpan(i * vr.UnitSize));
        }

        Set(new DicomValueElement(tag, vr, bytes));
    }

    public void SetInt32(DicomTag tag, params int[] values) => SetInt64(tag, [.. values.Select(v => (long)v)]);

    /// <summary>Sets numbers with the dictionary's VR for the tag: DS as text of at most 16 characters, FL or FD as binary.</summary>
    public void SetDouble(DicomTag tag, params double[] values)
    {
        var vr = DictionaryVR(tag);
        if (vr == DicomVR.DS)
        {
            SetString(tag, vr, [.. values.Select(DicomDecimalString.Format)]);
        }
        else if (vr == DicomVR.FD)
        {
            SetValues(tag, vr, values);
        }
        else if (vr == DicomVR.FL)
        {
            SetValues(tag, vr, [.. values.Select(v => (float)v)]);
        }
        else
        {
            throw new ArgumentException($"Element {tag} has VR {vr}, which holds no floating-point numbers.", nameof(tag));
        }
    }

    public DicomSequence? GetSequence(DicomTag tag) => GetElement(tag) as DicomSequence;

    /// <summary>Sets a sequence of the given items and returns it.</summary>
    public DicomSequence SetSequence(DicomTag tag, params DicomDataset[] items)
    {
        var sequence = new DicomSequence(tag, items);
        Set(sequence);
        return sequence;
    }

    private static void WriteInteger(DicomTag tag, DicomVR vr, long value, Span<byte> target)
    {
        var (min, max) = vr.Code switch
        {
            "US" => (ushort.MinValue, (long)ushort.MaxValue),
            "SS" => (short.MinValue, short.MaxValue),
            "UL" => (uint.MinValue, uint.MaxValue),
            "SL" => (int.MinValue, int.MaxValue),
            "SV" or "UV" => (long.MinValue, long.MaxValue),
            _ => throw new ArgumentException($"Element {tag} has VR {vr}, which holds no integers.", nameof(tag)),
        };
        if (value < min || value > max || (vr == DicomVR.UV && value < 0))
        {
            throw new ArgumentException($"Value {value} of element {tag} is outside the range of VR {vr} ({min} to {max}).", nameof(value));
        }

        Span<byte> wide = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(wide, value);
        wide[..vr.UnitSize].CopyTo(target);
    }

    private static bool TryReadBinaryInteger(DicomValueElement element, int index, out long value)
    {
        value = 0;
        var vr = element.VR;
        if (!TryRead(element, index, vr.UnitSize, out var raw) || vr.Kind != DicomVRKind.Number || vr == DicomVR.FL || vr == DicomVR.FD || vr == DicomVR.AT)
        {
            return false;
        }

        value = vr.Code switch
        {
            "SS" => (short)raw,
            "SL" => (int)raw,
            _ => raw,
        };
        return vr != DicomVR.UV || value >= 0;
    }

    /// <summary>Reads value <paramref name="index"/> of <paramref name="size"/> bytes, zero-extended.</summary>
    private static bool TryRead(DicomValueElement element, int index, int size, out long raw)
    {
        raw = 0;
        var offset = (long)index * size;
        if (index < 0 || offset + size > element.Length)
        {
            return false;
        }

        var span = element.Value.Span.Slice((int)offset, size);
        raw = size switch
        {
            1 => span[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(span),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(span),
            _ => BinaryPrimitives.ReadInt64LittleEndian(span),
        };
        return true;
    }

    private static bool TryParseInteger(string text, out long value)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        // DS values such as "512.0" hold integers too.
        if (DicomDecimalString.TryParse(text, out decimal number) && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue)
        {
            value = (long)number;
            return true;
        }

        return false;
    }

    private static bool Assign(double source, out double value)
    {
        value = source;
        return true;
    }

    private static DicomFormatException NotANumber(DicomTag tag, int index, string expected) =>
        new($"value {index} of the element is missing or is not {expected}", tag: tag);
}
