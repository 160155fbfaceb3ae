using System.Globalization;
using System.Text;

namespace Node.Dicom.Generator.Emitting;

/// <summary>Escapes text for C# string literals and XML documentation comments.</summary>
internal static class CSharpText
{
    /// <summary>Writes <paramref name="text"/> as a regular C# string literal, quotes included.</summary>
    public static string Literal(string text)
    {
        var literal = new StringBuilder("\"", text.Length + 2);
        foreach (var character in text)
        {
            literal.Append(character switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(character) => "\\u" + ((int)character).ToString("X4", CultureInfo.InvariantCulture),
                _ => character.ToString(),
            });
        }

        return literal.Append('"').ToString();
    }

    /// <summary>Escapes the characters that XML documentation text cannot hold as they are.</summary>
    public static string XmlDoc(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Formats a 16-bit number as a C# hex literal, for example 0x7FE0.</summary>
    public static string Hex16(ushort value) => "0x" + value.ToString("X4", CultureInfo.InvariantCulture);
}
