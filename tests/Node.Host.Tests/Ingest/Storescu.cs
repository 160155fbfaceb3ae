using System.Diagnostics;
using System.Globalization;

namespace Node.Host.Tests.Ingest;

/// <summary>Runs DCMTK's storescu against a local port, found on PATH at run time.</summary>
internal static class Storescu
{
    /// <summary>Longest one storescu run may take before it is killed by PID.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Returns storescu's path; a missing program ignores the test with the install command, or fails it where AINODE_REQUIRE_PEERS=1.</summary>
    public static string Require()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);
        var path = folders.Select(folder => Path.Combine(folder, "storescu")).FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        const string Message = "program 'storescu' not found; install it with: apt-get install -y dcmtk";
        if (Environment.GetEnvironmentVariable("AINODE_REQUIRE_PEERS") == "1")
        {
            Assert.Fail(Message + " (AINODE_REQUIRE_PEERS=1 makes a missing peer a failure)");
        }

        Assert.Ignore(Message);
        return string.Empty;
    }

    /// <summary>Sends <paramref name="files"/> over one association with verbose output; returns the exit code and the output.</summary>
    public static (int ExitCode, string Output) Send(string callingAeTitle, int port, params string[] files)
    {
        var start = new ProcessStartInfo(Require()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments = ["-v", "-aet", callingAeTitle, "-aec", "AINODE", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), .. files];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"storescu ran longer than {Limit.TotalSeconds} s and was killed.");
        }

        process.WaitForExit();
        var text = output.Result + error.Result;
        TestContext.Progress.WriteLine(text);
        return (process.ExitCode, text);
    }
}
