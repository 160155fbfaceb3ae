using System.Text;

namespace Node.Dicom.Generator.Emitting;

/// <summary>
/// Writes the rows of a table that the library parses on first use: one row per line inside a C#
/// raw string literal, fields separated by '|'.
/// </summary>
internal static class TableText
{
    public const char FieldSeparator = '|';

    /// <summary>The raw string literal delimiter; no field may contain it.</summary>
    private const string RawLiteralQuotes = "\"\"\"";

    /// <exception cref="InvalidDataException">A field contains the separator, a line break or the literal's delimiter.</exception>
    public static string Row(params string[] fields)
    {
        foreach (var field in fields)
        {
            if (field.Contains(FieldSeparator) || field.Contains('\n') || field.Contains('\r') || field.Contains(RawLiteralQuotes, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Invalid table field '{field}': it contains '{FieldSeparator}', a line break or {RawLiteralQuotes}, which the table format cannot carry.");
            }
        }

        return string.Join(FieldSeparator, fields);
    }

    /// <summary>Appends a constant that contains the rows as a raw string literal, indented by one level inside a class.</summary>
    public static void AppendConstant(StringBuilder text, string name, IEnumerable<string> rows)
    {
        text.Line($"    private const string {name} = {RawLiteralQuotes}");
        foreach (var row in rows)
        {
            text.Line("        " + row);
        }

        text.Line($"        {RawLiteralQuotes};");
    }
}
