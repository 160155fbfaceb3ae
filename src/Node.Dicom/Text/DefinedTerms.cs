using System.Collections.Frozen;
using System.Text;
using static Node.Dicom.Text.GraphicCharacterSet;

namespace Node.Dicom.Text;

/// <summary>
/// The defined terms of Specific Character Set (0008,0005), PS3.3 C.12.1.1.2 Tables C.12-2
/// (single-byte, no code extensions), C.12-3 (single-byte, code extensions), C.12-4 (multi-byte,
/// code extensions) and C.12-5 (multi-byte, no code extensions).
/// </summary>
internal static class DefinedTerms
{
    public const string Utf8Term = "ISO_IR 192";

    /// <summary>
    /// ISO-IR 6, the default repertoire, which the standard expresses by an empty value or no
    /// attribute. "ISO_IR 6" is not a defined term, but files use it with the same meaning.
    /// </summary>
    public static DefinedTerm DefaultRepertoire { get; } = DefinedTerm.Iso2022("ISO_IR 6", null);

    public static DefinedTerm Utf8 { get; } = DefinedTerm.StandAlone(Utf8Term, () => new UTF8Encoding(false, false));

    /// <summary>Every term that is recognized, in the order of the tables.</summary>
    public static IReadOnlyList<DefinedTerm> All { get; } =
    [
        DefaultRepertoire,
        DefinedTerm.Iso2022("ISO_IR 100", Latin1),
        DefinedTerm.Iso2022("ISO_IR 101", Latin2),
        DefinedTerm.Iso2022("ISO_IR 109", Latin3),
        DefinedTerm.Iso2022("ISO_IR 110", Latin4),
        DefinedTerm.Iso2022("ISO_IR 144", Cyrillic),
        DefinedTerm.Iso2022("ISO_IR 127", Arabic),
        DefinedTerm.Iso2022("ISO_IR 126", Greek),
        DefinedTerm.Iso2022("ISO_IR 138", Hebrew),
        DefinedTerm.Iso2022("ISO_IR 148", Latin5),
        DefinedTerm.Iso2022("ISO_IR 203", Latin9),
        DefinedTerm.Iso2022("ISO_IR 13", JisX0201Katakana),
        DefinedTerm.Iso2022("ISO_IR 166", Thai),
        DefinedTerm.Iso2022("ISO 2022 IR 6", null),
        DefinedTerm.Iso2022("ISO 2022 IR 100", Latin1),
        DefinedTerm.Iso2022("ISO 2022 IR 101", Latin2),
        DefinedTerm.Iso2022("ISO 2022 IR 109", Latin3),
        DefinedTerm.Iso2022("ISO 2022 IR 110", Latin4),
        DefinedTerm.Iso2022("ISO 2022 IR 144", Cyrillic),
        DefinedTerm.Iso2022("ISO 2022 IR 127", Arabic),
        DefinedTerm.Iso2022("ISO 2022 IR 126", Greek),
        DefinedTerm.Iso2022("ISO 2022 IR 138", Hebrew),
        DefinedTerm.Iso2022("ISO 2022 IR 148", Latin5),
        DefinedTerm.Iso2022("ISO 2022 IR 203", Latin9),
        DefinedTerm.Iso2022("ISO 2022 IR 13", JisX0201Katakana),
        DefinedTerm.Iso2022("ISO 2022 IR 166", Thai),
        DefinedTerm.Iso2022("ISO 2022 IR 87", JisX0208),
        DefinedTerm.Iso2022("ISO 2022 IR 159", JisX0212),
        DefinedTerm.Iso2022("ISO 2022 IR 149", KsX1001),
        DefinedTerm.Iso2022("ISO 2022 IR 58", Gb2312),
        Utf8,
        DefinedTerm.StandAlone("GB18030", () => CodePages.Get(CodePages.Gb18030)),
        DefinedTerm.StandAlone("GBK", () => CodePages.Get(CodePages.Gbk)),
    ];

    private static readonly FrozenDictionary<string, DefinedTerm> ByTerm =
        All.ToFrozenDictionary(term => term.Term, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, DefinedTerm> BySpellingKey =
        All.ToFrozenDictionary(term => SpellingKey(term.Term), StringComparer.Ordinal);

    /// <summary>
    /// Finds the defined term <paramref name="term"/> names. A term spelled otherwise than the
    /// standard ("ISO IR 100", "iso-ir 100", "ISO_IR_100") is found through its spelling key,
    /// the term upper-cased with spaces, underscores and hyphens removed, and
    /// <paramref name="isMisspelled"/> is then true.
    /// </summary>
    public static bool TryFind(string term, out DefinedTerm definedTerm, out bool isMisspelled)
    {
        if (ByTerm.TryGetValue(term, out definedTerm!))
        {
            isMisspelled = false;
            return true;
        }

        isMisspelled = BySpellingKey.TryGetValue(SpellingKey(term), out definedTerm!);
        return isMisspelled;
    }

    private static string SpellingKey(string term)
    {
        var key = new StringBuilder(term.Length);
        foreach (var character in term)
        {
            if (character is not (' ' or '_' or '-'))
            {
                key.Append(char.ToUpperInvariant(character));
            }
        }

        return key.ToString();
    }
}
