using System.Diagnostics;

namespace Node.Host.Tests.Cli;

/// <summary>Runs the built <c>ainode</c> program as a user would, and finds peer programs and sample files from Debian packages.</summary>
internal static class Ainode
{
    public const string PydicomTestFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

    /// <summary>The program's assembly, copied next to the tests by the project reference.</summary>
    private static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "ainode.dll");

    /// <summary>Longest a program run to completion may take before it is killed by PID.</summary>
    public static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);

    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) =>
        RunProgram("dotnet", [AssemblyPath, .. arguments]);

    /// <summary>Starts <c>ainode</c> in the background, for a command that runs until stopped; it is killed after <paramref name="limit"/> whatever the test does.</summary>
    public static BackgroundProcess Start(TimeSpan limit, params string[] arguments) =>
        BackgroundProcess.Start("dotnet", limit, [AssemblyPath, .. arguments]);

    /// <summary>Runs a program to its end, killed by PID after <see cref="RunLimit"/>, and returns its exit code and output.</summary>
    public static (int ExitCode, string Output, string Error) RunProgram(string program, params string[] arguments)
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
        if (!process.WaitForExit(RunLimit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not exit within {RunLimit.TotalMinutes} minutes and was killed");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Returns the path of a program from a Debian package, or ends the test where it is missing.</summary>
    public static string RequireProgram(string name, string package)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);
        var path = folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            Missing($"program '{name}'", package);
        }

        return path!;
    }

    /// <summary>Returns a pydicom sample, or ends the test where python3-pydicom is missing.</summary>
    public static string PydicomSample(string name)
    {
        var path = Path.Combine(PydicomTestFiles, name);
        if (File.Exists(path))
        {
            return path;
        }

        Missing($"'{path}'", "python3-pydicom");
        return path;
    }

    /// <summary>Ignores the test with the install command, or fails it where AINODE_REQUIRE_PEERS=1 (as in CI).</summary>
    private static void Missing(string what, string package)
    {
        var message = $"{what} not found; install it with: apt-get install -y {package}";
        if (Environment.GetEnvironmentVariable("AINODE_REQUIRE_PEERS") == "1")
        {
            Assert.Fail(message + " (AINODE_REQUIRE_PEERS=1 makes a missing peer a failure)");
        }

        Assert.Ignore(message);
    }
}
