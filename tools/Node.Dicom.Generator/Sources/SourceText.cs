using System.Text.RegularExpressions;

namespace Node.Dicom.Generator.Sources;

/// <summary>Clean-up and checks shared by the source readers.</summary>
internal static partial class SourceText
{
    /// <summary>Trims a name and collapses each run of white space to one space.</summary>
    public static string NormalizeName(string name) => WhiteSpaceRun().Replace(name.Trim(), " ");

    /// <exception cref="InvalidDataException">The keyword is not a C# identifier made of ASCII letters, digits and underscores.</exception>
    public static string CheckKeyword(string keyword, string context)
    {
        if (!Identifier().IsMatch(keyword))
        {
            throw new InvalidDataException($"Keyword '{keyword}' in {context} is not a valid C# identifier.");
        }

        return keyword;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpaceRun();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
