using System.Text;
using Node.Dicom.Vr;

namespace Node.Dicom.Text;

/// <summary>
/// The character repertoire that Specific Character Set (0008,0005) selects for the values of
/// SH, LO, UC, ST, LT, UT and PN (PS3.5 6.1, PS3.3 C.12.1.1.2), and the decoder of those values.
/// Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// <para>Decoding never fails on malformed bytes: what no set defines becomes U+FFFD.</para>
/// <para>
/// Under the default repertoire (no (0008,0005), an empty value 1, "ISO_IR 6" or "ISO 2022 IR 6")
/// bytes above 0x7F are outside ISO-IR 6, but files with Latin-1 text and no (0008,0005) are
/// common, so those bytes decode as ISO 8859-1, as pydicom decodes them too. The same holds
/// when value 1 designates only a G0 set (ISO 2022 IR 87 or 159).
/// </para>
/// <para>
/// The multi-byte sets without code extensions (ISO_IR 192, GB18030, GBK) decode the whole value
/// with their own decoder; further values of (0008,0005) are then ignored and ESC is an ordinary
/// control character. Every other term decodes through ISO 2022 escape sequences.
/// </para>
/// </remarks>
public sealed class DicomCharacterSet
{
    private readonly Encoding? standAloneEncoding;
    private readonly GraphicCharacterSet initialG1;

    private DicomCharacterSet(IReadOnlyList<string> terms, DefinedTerm? firstTerm, IReadOnlyList<string> unknownTerms, IReadOnlyList<string> misspelledTerms)
    {
        Terms = terms;
        UnknownTerms = unknownTerms;
        MisspelledTerms = misspelledTerms;
        standAloneEncoding = firstTerm?.StandAloneEncoding;
        initialG1 = firstTerm?.Set is { Element: CodeElement.G1 } set ? set : GraphicCharacterSet.Latin1;
        IsUtf8 = firstTerm == DefinedTerms.Utf8;
    }

    /// <summary>The default repertoire, ISO-IR 6, for data sets without (0008,0005).</summary>
    public static DicomCharacterSet Default { get; } = new([], DefinedTerms.DefaultRepertoire, [], []);

    /// <summary>ISO_IR 192, UTF-8: the set this node writes.</summary>
    public static DicomCharacterSet Utf8 { get; } = new([DefinedTerms.Utf8Term], DefinedTerms.Utf8, [], []);

    /// <summary>The values of (0008,0005) in order, each without leading or trailing spaces and NULs.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>
    /// Terms that name no character set. Decoding treats an unknown value 1 as ISO_IR 100 so that
    /// it still succeeds; an unknown later value designates nothing. Callers log these.
    /// </summary>
    public IReadOnlyList<string> UnknownTerms { get; }

    /// <summary>
    /// Terms recognized only after ignoring case, spaces, underscores and hyphens, such as
    /// "ISO IR 100" for "ISO_IR 100". They decode as the term they resemble; callers may log them.
    /// </summary>
    public IReadOnlyList<string> MisspelledTerms { get; }

    /// <summary>True when value 1 is ISO_IR 192 and every value is UTF-8.</summary>
    public bool IsUtf8 { get; }

    /// <summary>
    /// Builds the character set from the values of (0008,0005) as stored: padding, an empty
    /// value 1 (ISO-IR 6) and unknown or misspelled terms are allowed. Never throws.
    /// </summary>
    public static DicomCharacterSet FromTerms(IReadOnlyList<string> terms)
    {
        if (terms is null || terms.Count == 0)
        {
            return Default;
        }

        var trimmed = terms.Select(TrimPadding).ToArray();
        if (trimmed is [DefinedTerms.Utf8Term])
        {
            return Utf8;
        }

        var unknown = new List<string>();
        var misspelled = new List<string>();
        var definedTerms = trimmed.Select(term => Recognize(term, unknown, misspelled)).ToArray();
        var firstTerm = trimmed[0].Length == 0 ? DefinedTerms.DefaultRepertoire : definedTerms[0];

        return new DicomCharacterSet(trimmed, firstTerm, unknown, misspelled);
    }

    /// <summary>
    /// Decodes one element value whole. Delimiters stay in the result as characters: '\' between
    /// values, '^' and '=' in PN; the caller splits on them and trims the trailing padding, which
    /// is kept. No decoded '\' comes from a byte other than 0x5C, in any set, so splitting after
    /// decoding is safe even where 0x5C occurs inside a multi-byte character. The
    /// <paramref name="vr"/> selects the delimiters at which ISO 2022 code extensions return to
    /// value 1's sets.
    /// </summary>
    /// <remarks>A value of ASCII bytes without ESC costs one scan and the result string.</remarks>
    public string Decode(ReadOnlySpan<byte> value, DicomVR vr)
    {
        ArgumentNullException.ThrowIfNull(vr);

        if (Ascii.IsValid(value) && (standAloneEncoding is not null || !value.Contains(GraphicCharacterSet.Esc)))
        {
            return Encoding.ASCII.GetString(value);
        }

        if (standAloneEncoding is not null)
        {
            return standAloneEncoding.GetString(value);
        }

        return Iso2022Decoder.Decode(value, initialG1, vr);
    }

    /// <summary>
    /// Encodes text for writing, which always uses ISO_IR 192. An unpaired surrogate becomes
    /// U+FFFD (bytes EF BF BD).
    /// </summary>
    public static byte[] EncodeUtf8(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>True when every character is below U+0080, so the text needs no (0008,0005).</summary>
    public static bool IsAscii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Ascii.IsValid(text);
    }

    /// <summary>The terms joined by '\' as (0008,0005) stores them; "ISO_IR 6" for the default.</summary>
    public override string ToString() => Terms.Count == 0 ? DefinedTerms.DefaultRepertoire.Term : string.Join('\\', Terms);

    private static string TrimPadding(string? term) => term?.Trim(' ', '\0') ?? string.Empty;

    private static DefinedTerm? Recognize(string term, List<string> unknown, List<string> misspelled)
    {
        if (term.Length == 0)
        {
            return null;
        }

        if (!DefinedTerms.TryFind(term, out var definedTerm, out var isMisspelled))
        {
            unknown.Add(term);
            return null;
        }

        if (isMisspelled)
        {
            misspelled.Add(term);
        }

        return definedTerm;
    }
}
