namespace Node.Reports.Tests.Support;

/// <summary>Runs dicom3tools' IOD validator and splits its output into errors and warnings.</summary>
internal static class Dciodvfy
{
    /// <summary>
    /// dciodvfy recognises only the registered coding schemes, so a private scheme (a designator starting
    /// with "99", PS3.3 8.2), such as a model pack's finding codes, draws this warning even where
    /// Coding Scheme Identification Sequence declares it.
    /// </summary>
    private const string PrivateSchemeWarning = "Warning - Unrecognized defined term <99";

    /// <summary>
    /// Returns the lines that start with "Error" and those that start with "Warning", less the
    /// warnings about private coding schemes.
    /// </summary>
    public static (IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, string Output) Check(string path)
    {
        var program = Peers.RequireProgram("dciodvfy", "dicom3tools");
        var (_, output, error) = ProgramRun.Run(program, path);
        var lines = (output + "\n" + error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (
            [.. lines.Where(line => line.StartsWith("Error", StringComparison.Ordinal))],
            [.. lines.Where(line => line.StartsWith("Warning", StringComparison.Ordinal) && !IsPrivateSchemeWarning(line))],
            output + error);
    }

    private static bool IsPrivateSchemeWarning(string line) =>
        line.StartsWith(PrivateSchemeWarning, StringComparison.Ordinal) && line.EndsWith("of attribute <Coding Scheme Designator>", StringComparison.Ordinal);
}
