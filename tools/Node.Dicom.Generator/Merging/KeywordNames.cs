using System.Text;

namespace Node.Dicom.Generator.Merging;

/// <summary>
/// Makes a readable name from a keyword for elements that no source names, for example
/// "RTAssertionsSequence" becomes "RT Assertions Sequence". PS3.6 names mostly read this way, but
/// the result can differ from the standard's name in capitals and punctuation.
/// </summary>
internal static class KeywordNames
{
    private static readonly HashSet<string> LowerCaseWords = new(StringComparer.Ordinal)
    {
        "And", "At", "By", "For", "From", "In", "Of", "On", "Or", "The", "To", "With",
    };

    public static string ToName(string keyword)
    {
        var words = SplitWords(keyword);
        for (var index = 1; index < words.Count; index++)
        {
            if (LowerCaseWords.Contains(words[index]))
            {
                words[index] = words[index].ToLowerInvariant();
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>
    /// Splits before a capital that follows a lower-case letter or a digit, and before the last
    /// capital of an acronym that a lower-case word follows ("RTAssertions" to "RT", "Assertions").
    /// An acronym's plural "s" stays with it ("IDs").
    /// </summary>
    private static List<string> SplitWords(string keyword)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var index = 0; index < keyword.Length; index++)
        {
            if (word.Length > 0 && StartsWord(keyword, index))
            {
                words.Add(word.ToString());
                word.Clear();
            }

            word.Append(keyword[index]);
        }

        words.Add(word.ToString());
        return words;
    }

    private static bool StartsWord(string keyword, int index)
    {
        var current = keyword[index];
        var previous = keyword[index - 1];
        if (!char.IsUpper(current))
        {
            return false;
        }

        if (char.IsLower(previous) || char.IsDigit(previous))
        {
            return true;
        }

        var next = index + 1 < keyword.Length ? keyword[index + 1] : ' ';
        var isAcronymPlural = next == 's' && (index + 2 == keyword.Length || char.IsUpper(keyword[index + 2]));
        return char.IsUpper(previous) && char.IsLower(next) && !isAcronymPlural;
    }
}
