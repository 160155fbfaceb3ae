using System.Text.RegularExpressions;

namespace Node.Dicom.Tests.Support;

/// <summary>
/// Runs DCMTK's dcmdump and dicom3tools' dciodvfy on a file and returns what the round-trip
/// tests compare: the exit status and error lines, never the full dump.
/// </summary>
internal static partial class PeerChecks
{
    /// <summary>
    /// Parses <paramref name="path"/> with <c>dcmdump</c> (output discarded) and returns its exit
    /// status and the lines of standard error that start with "E:", DCMTK's error prefix.
    /// </summary>
    public static (int ExitCode, IReadOnlyList<string> Errors) Dcmdump(string path)
    {
        var program = Peers.RequireProgram("dcmdump", "dcmtk");
        var result = ProgramRun.Run(program, path);
        return (result.ExitCode, ErrorLines(result.Error, "E:"));
    }

    /// <summary>
    /// Returns the "Error" lines <c>dciodvfy</c> prints about <paramref name="path"/>, with runs
    /// of white space collapsed so that only their wording is compared.
    /// </summary>
    public static IReadOnlySet<string> DciodvfyErrors(string path)
    {
        var program = Peers.RequireProgram("dciodvfy", "dicom3tools");
        var result = ProgramRun.Run(program, path);
        return ErrorLines(result.Error + result.Output, "Error").ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Converts a file with DCMTK's <c>dcmconv</c>, passing <paramref name="options"/> such as "+td".</summary>
    public static void Dcmconv(string source, string target, params string[] options)
    {
        var program = Peers.RequireProgram("dcmconv", "dcmtk");
        ProgramRun.RunChecked(program, [.. options, source, target]);
    }

    private static List<string> ErrorLines(string text, string prefix) =>
        [.. text.Split('\n')
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
            .Select(line => Whitespace().Replace(line.Trim(), " "))];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
