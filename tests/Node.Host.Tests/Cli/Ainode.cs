using System.Diagnostics;

namespace Node.Host.Tests.Cli;

/// <summary>Runs the built <c>ainode</c> program as a user would, and finds sample files from Debian packages.</summary>
internal static class Ainode
{
    public const string PydicomTestFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

    /// <summary>The program's assembly, copied next to the tests by the project reference.</summary>
    private static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "ainode.dll");

    public static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"ainode {string.Join(' ', arguments)} did not exit within 2 minutes");
        }

        return (process.ExitCode, output, error.Result);
    }

    /// <summary>Returns a pydicom sample, or ends the test where python3-pydicom is missing.</summary>
    public static string PydicomSample(string name)
    {
        var path = Path.Combine(PydicomTestFiles, name);
        if (File.Exists(path))
        {
            return path;
        }

        var message = $"'{path}' not found; install it with: apt-get install -y python3-pydicom";
        if (Environment.GetEnvironmentVariable("AINODE_REQUIRE_PEERS") == "1")
        {
            Assert.Fail(message + " (AINODE_REQUIRE_PEERS=1 makes a missing peer a failure)");
        }

        Assert.Ignore(message);
        return path;
    }
}
