using System.Diagnostics;
using System.Runtime.CompilerServices;
using NUnit.Framework;

namespace Node.Dicom.Tests.Text;

/// <summary>
/// Runs the Python helper scripts of this folder with Debian's /usr/bin/python3, the interpreter
/// that can import pydicom. Where the interpreter, pydicom or its sample files are missing the
/// calling test is ignored, or failed when AINODE_REQUIRE_PEERS=1.
/// </summary>
internal static class PythonPeer
{
    public const string Interpreter = "/usr/bin/python3";

    public const string CharsetFilesFolder = "/usr/lib/python3/dist-packages/pydicom/data/charset_files";

    private const string InstallHint = "install them with: sudo apt-get install python3 python3-pydicom";

    /// <summary>Upper bound on one script run; the scripts take about a second.</summary>
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);

    /// <summary>Ignores or fails the calling test unless pydicom and its sample files are installed.</summary>
    public static void RequirePydicom()
    {
        RequireInterpreter();
        if (!Directory.Exists(CharsetFilesFolder))
        {
            MissingPeer($"pydicom's sample files are not in {CharsetFilesFolder}");
        }

        var probe = Run(["-c", "import pydicom"]);
        if (probe.ExitCode != 0)
        {
            MissingPeer($"{Interpreter} cannot import pydicom ({probe.StandardError.Trim()})");
        }
    }

    /// <summary>Ignores or fails the calling test unless /usr/bin/python3 exists.</summary>
    public static void RequireInterpreter()
    {
        if (!File.Exists(Interpreter))
        {
            MissingPeer($"{Interpreter} is missing");
        }
    }

    /// <summary>Runs a script of this folder and returns its standard output; fails the test on a non-zero exit.</summary>
    public static string RunScript(string scriptName, IEnumerable<string> arguments)
    {
        var result = Run([FindScript(scriptName), .. arguments]);
        if (result.ExitCode != 0)
        {
            Assert.Fail($"{scriptName} exited with {result.ExitCode}: {result.StandardError}");
        }

        return result.StandardOutput;
    }

    /// <summary>
    /// Finds a script next to the test assembly, where the test project copies it, or else next to
    /// this source file, for a build whose project file does not copy it yet.
    /// </summary>
    private static string FindScript(string scriptName, [CallerFilePath] string sourceFile = "")
    {
        var besideAssembly = Path.Combine(TestContext.CurrentContext.TestDirectory, "Text", scriptName);
        if (File.Exists(besideAssembly))
        {
            return besideAssembly;
        }

        var besideSource = Path.Combine(Path.GetDirectoryName(sourceFile) ?? string.Empty, scriptName);
        if (File.Exists(besideSource))
        {
            return besideSource;
        }

        Assert.Fail($"{scriptName} was found neither in {besideAssembly} nor in {besideSource}.");
        return string.Empty;
    }

    private static (int ExitCode, string StandardOutput, string StandardError) Run(IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{Interpreter} did not start.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(RunLimit))
        {
            process.Kill();
            Assert.Fail($"{Interpreter} did not finish within {RunLimit.TotalSeconds} s.");
        }

        return (process.ExitCode, standardOutput.GetAwaiter().GetResult(), standardError.GetAwaiter().GetResult());
    }

    private static void MissingPeer(string reason)
    {
        var message = $"{reason}; {InstallHint}";
        if (Environment.GetEnvironmentVariable("AINODE_REQUIRE_PEERS") == "1")
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
    }
}
