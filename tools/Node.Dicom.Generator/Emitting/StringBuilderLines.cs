using System.Text;

namespace Node.Dicom.Generator.Emitting;

/// <summary>Appends lines with LF ends on every platform, so generated files do not depend on where they were made.</summary>
internal static class StringBuilderLines
{
    public static StringBuilder Line(this StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
