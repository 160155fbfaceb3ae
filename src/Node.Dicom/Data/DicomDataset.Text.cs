using System.Text;
using Node.Dicom.Dictionary;
using Node.Dicom.Errors;
using Node.Dicom.Tags;
using Node.Dicom.Text;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.Data;

/// <summary>Text values: strings, person names, dates, times and UIDs.</summary>
public sealed partial class DicomDataset
{
    private const string Utf8Term = "ISO_IR 192";

    /// <summary>
    /// Returns the whole decoded value of a text element with its padding removed, values still
    /// separated by '\'; null where the element is absent or not text.
    /// </summary>
    public string? GetString(DicomTag tag)
    {
        if (GetElement(tag) is not DicomValueElement { VR.Kind: DicomVRKind.Text } element)
        {
            return null;
        }

        return TrimValue(Decode(element), element.VR);
    }

    /// <summary>
    /// Returns the values of a text element, split at '\' after decoding (so a multi-byte
    /// character that contains the byte 0x5C is not split) and each trimmed of padding; an
    /// empty array where the element is absent, empty or not text.
    /// </summary>
    public string[] GetStrings(DicomTag tag)
    {
        if (GetElement(tag) is not DicomValueElement { VR.Kind: DicomVRKind.Text } element || element.Length == 0)
        {
            return [];
        }

        var text = Decode(element);
        var values = element.VR.IsMultiValued ? text.Split('\\') : [text];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = TrimValue(values[i], element.VR);
        }

        return values;
    }

    /// <summary>Returns value <paramref name="index"/> of a text element, or null where there is none.</summary>
    public string? GetString(DicomTag tag, int index)
    {
        var values = GetStrings(tag);
        return index >= 0 && index < values.Length ? values[index] : null;
    }

    /// <summary>Returns a UID value with its NUL or space padding removed, or null where absent or empty.</summary>
    public string? GetUid(DicomTag tag, int index = 0)
    {
        var value = GetString(tag, index);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public DicomPersonName? GetPersonName(DicomTag tag, int index = 0)
    {
        var value = GetString(tag, index);
        return value is null ? null : DicomPersonName.Parse(value);
    }

    /// <exception cref="DicomFormatException">The element is absent, empty or not a valid DA value.</exception>
    public DateOnly GetDate(DicomTag tag, int index = 0)
    {
        var text = RequireText(tag, index);
        return DicomDateTimeText.TryParseDate(text, out var date) ? date : throw Invalid(tag, text, "a DA value YYYYMMDD");
    }

    public bool TryGetDate(DicomTag tag, out DateOnly date, int index = 0)
    {
        date = default;
        return GetString(tag, index) is { } text && DicomDateTimeText.TryParseDate(text, out date);
    }

    /// <exception cref="DicomFormatException">The element is absent, empty or not a valid TM value.</exception>
    public TimeOnly GetTime(DicomTag tag, int index = 0)
    {
        var text = RequireText(tag, index);
        return DicomDateTimeText.TryParseTime(text, out var time) ? time : throw Invalid(tag, text, "a TM value HHMMSS.FFFFFF");
    }

    public bool TryGetTime(DicomTag tag, out TimeOnly time, int index = 0)
    {
        time = default;
        return GetString(tag, index) is { } text && DicomDateTimeText.TryParseTime(text, out time);
    }

    /// <summary>Returns a DT value; <paramref name="utcOffset"/> is null where the value names none.</summary>
    /// <exception cref="DicomFormatException">The element is absent, empty or not a valid DT value.</exception>
    public DateTime GetDateTime(DicomTag tag, out TimeSpan? utcOffset, int index = 0)
    {
        var text = RequireText(tag, index);
        return DicomDateTimeText.TryParseDateTime(text, out var dateTime, out utcOffset)
            ? dateTime
            : throw Invalid(tag, text, "a DT value YYYYMMDDHHMMSS.FFFFFF&ZZXX");
    }

    /// <summary>
    /// Sets a text element. Values are joined with '\' and padded to even length with a space
    /// (NUL for UI). Text in a VR governed by the character set is written in UTF-8; where it is
    /// not ASCII the whole data set tree is converted to ISO_IR 192 first.
    /// </summary>
    /// <exception cref="ArgumentException">The VR is not text, a value breaks the VR's rules, or a UID is invalid.</exception>
    public void SetString(DicomTag tag, DicomVR vr, params string[] values)
    {
        CheckTextValues(tag, vr, values);
        var text = string.Join('\\', values);
        if (vr.UsesCharacterSet && !DicomCharacterSet.IsAscii(text) && !CharacterSet.IsUtf8)
        {
            Root.ConvertToUtf8();
        }

        var bytes = vr.UsesCharacterSet ? DicomCharacterSet.EncodeUtf8(text) : Encoding.ASCII.GetBytes(text);
        Set(new DicomValueElement(tag, vr, PadToEven(bytes, vr.PaddingByte)));
    }

    /// <summary>Sets a text element with the VR the dictionary gives for <paramref name="tag"/>.</summary>
    public void SetString(DicomTag tag, params string[] values) => SetString(tag, DictionaryVR(tag), values);

    public void SetUid(DicomTag tag, string uid) => SetString(tag, DicomVR.UI, uid);

    public void SetPersonName(DicomTag tag, DicomPersonName name) => SetString(tag, DicomVR.PN, name.ToString());

    public void SetDate(DicomTag tag, DateOnly date) => SetString(tag, DicomVR.DA, DicomDateTimeText.FormatDate(date));

    public void SetTime(DicomTag tag, TimeOnly time) => SetString(tag, DicomVR.TM, DicomDateTimeText.FormatTime(time));

    public void SetDateTime(DicomTag tag, DateTime dateTime, TimeSpan? utcOffset = null) =>
        SetString(tag, DicomVR.DT, DicomDateTimeText.FormatDateTime(dateTime, utcOffset));

    /// <summary>
    /// Re-encodes every text element of this data set and its items in UTF-8 and sets Specific
    /// Character Set (0008,0005) to ISO_IR 192; items drop their own Specific Character Set.
    /// </summary>
    public void ConvertToUtf8()
    {
        ConvertTreeToUtf8(this);
        Set(new DicomValueElement(DicomTags.SpecificCharacterSet, DicomVR.CS, PadToEven(Encoding.ASCII.GetBytes(Utf8Term), (byte)' ')));
    }

    internal static ReadOnlyMemory<byte> PadToEven(byte[] bytes, byte padding)
    {
        if (bytes.Length % 2 == 0)
        {
            return bytes;
        }

        var padded = new byte[bytes.Length + 1];
        bytes.CopyTo(padded, 0);
        padded[^1] = padding;
        return padded;
    }

    private static void ConvertTreeToUtf8(DicomDataset dataset)
    {
        // Decode everything with the character sets in force now, before any of them changes.
        var converted = new List<DicomValueElement>();
        foreach (var element in dataset._elements)
        {
            if (element is DicomValueElement { VR.UsesCharacterSet: true } text && !text.Value.Span.IsEmpty)
            {
                var bytes = DicomCharacterSet.EncodeUtf8(dataset.Decode(text).TrimEnd(' '));
                converted.Add(new DicomValueElement(text.Tag, text.VR, PadToEven(bytes, (byte)' ')));
            }
        }

        foreach (var sequence in dataset._elements.OfType<DicomSequence>())
        {
            foreach (var item in sequence.Items)
            {
                ConvertTreeToUtf8(item);
                item.Remove(DicomTags.SpecificCharacterSet);
            }
        }

        foreach (var element in converted)
        {
            dataset.Set(element);
        }
    }

    private string Decode(DicomValueElement element)
    {
        var span = element.Value.Span;
        return element.VR.UsesCharacterSet ? CharacterSet.Decode(span, element.VR) : Encoding.Latin1.GetString(span);
    }

    /// <summary>
    /// Removes padding as PS3.5 6.2 allows: trailing spaces and NULs from every text value,
    /// leading spaces too except in LT, ST, UT and UR, where they are significant.
    /// </summary>
    private static string TrimValue(string value, DicomVR vr)
    {
        var trimmed = value.TrimEnd(' ', '\0');
        var keepsLeadingSpaces = vr == DicomVR.LT || vr == DicomVR.ST || vr == DicomVR.UT || vr == DicomVR.UR;
        return keepsLeadingSpaces ? trimmed : trimmed.TrimStart(' ');
    }

    private string RequireText(DicomTag tag, int index)
    {
        var value = GetString(tag, index);
        if (string.IsNullOrEmpty(value))
        {
            throw new DicomFormatException($"required value {index} of the element is missing or empty", tag: tag);
        }

        return value;
    }

    private static DicomFormatException Invalid(DicomTag tag, string text, string expected) =>
        new($"value '{text}' is not {expected}", tag: tag);

    private static DicomVR DictionaryVR(DicomTag tag)
    {
        if (!DicomDictionary.TryFind(tag, out var entry))
        {
            throw new ArgumentException($"Tag {tag} is not in the data dictionary; pass its VR explicitly.", nameof(tag));
        }

        return entry.ValueRepresentations[0];
    }

    private static void CheckTextValues(DicomTag tag, DicomVR vr, string[] values)
    {
        if (vr.Kind != DicomVRKind.Text)
        {
            throw new ArgumentException($"VR {vr} of element {tag} is not a text VR.", nameof(vr));
        }

        if (values.Length > 1 && !vr.IsMultiValued)
        {
            throw new ArgumentException($"VR {vr} of element {tag} holds one value, not {values.Length}.", nameof(values));
        }

        foreach (var value in values)
        {
            CheckTextValue(tag, vr, value);
        }
    }

    private static void CheckTextValue(DicomTag tag, DicomVR vr, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (vr.IsMultiValued && value.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Value '{value}' of element {tag} contains '\\', which separates values in VR {vr}.", nameof(value));
        }

        if (!vr.UsesCharacterSet && !DicomCharacterSet.IsAscii(value))
        {
            throw new ArgumentException($"Value '{value}' of element {tag} is not ASCII, which VR {vr} requires.", nameof(value));
        }

        if (vr.MaxLength > 0 && vr != DicomVR.PN && value.Length > vr.MaxLength)
        {
            throw new ArgumentException($"Value of element {tag} has {value.Length} characters; VR {vr} allows at most {vr.MaxLength}.", nameof(value));
        }

        if (vr == DicomVR.UI && value.Length > 0 && DicomUid.Validate(value) is { } reason)
        {
            throw new ArgumentException($"Value '{value}' of element {tag} is not a valid UID: {reason}.", nameof(value));
        }
    }
}
