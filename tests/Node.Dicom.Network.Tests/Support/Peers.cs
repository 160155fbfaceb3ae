using System.Diagnostics;

namespace Node.Dicom.Network.Tests.Support;

/// <summary>
/// Finds peer programs and data from Debian packages at run time. A missing peer ignores the
/// test with the install command, or fails it where AINODE_REQUIRE_PEERS=1 (as in CI).
/// </summary>
internal static class Peers
{
    public const string PydicomTestFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";
    public const string PydicomCharsetFiles = "/usr/lib/python3/dist-packages/pydicom/data/charset_files";
    public const string Dicom3ToolsExample = "/usr/share/doc/dicom3tools/examples/0051.dcm";

    public static bool PeersRequired => Environment.GetEnvironmentVariable("AINODE_REQUIRE_PEERS") == "1";

    /// <summary>Returns the path of a program from a Debian package, or ends the test where it is missing.</summary>
    public static string RequireProgram(string name, string package)
    {
        var path = FindOnPath(name);
        if (path is null)
        {
            Missing($"program '{name}'", package);
        }

        return path!;
    }

    /// <summary>Returns a file or folder from a Debian package, or ends the test where it is missing.</summary>
    public static string RequirePath(string path, string package)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Missing($"'{path}'", package);
        }

        return path;
    }

    /// <summary>Every .dcm file that python3-pydicom ships, sorted by name.</summary>
    public static IReadOnlyList<string> PydicomSamples()
    {
        var folder = RequirePath(PydicomTestFiles, "python3-pydicom");
        return [.. Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
    }

    /// <summary>Runs a program and returns its standard output; fails the test on a non-zero exit.</summary>
    public static string Run(string program, params string[] arguments)
    {
        var result = RunUnchecked(program, arguments);
        if (result.ExitCode != 0)
        {
            Assert.Fail($"{program} {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.Error}");
        }

        return result.Output;
    }

    /// <summary>Longest a peer program may run before it is killed by PID.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    public static (int ExitCode, string Output, string Error) RunUnchecked(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(RunTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} ran longer than {RunTimeout.TotalSeconds} s and was killed.");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    private static string? FindOnPath(string name)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);
        return folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
    }

    private static void Missing(string what, string package)
    {
        var message = $"{what} not found; install it with: apt-get install -y {package}";
        if (PeersRequired)
        {
            Assert.Fail(message + " (AINODE_REQUIRE_PEERS=1 makes a missing peer a failure)");
        }

        Assert.Ignore(message);
    }
}
