using System.Globalization;

namespace Node.Host.Tests.Ingest;

/// <summary>Runs DCMTK's storescu against a local port, found on PATH at run time.</summary>
internal static class Storescu
{
    /// <summary>Longest one storescu run may take before it is killed by PID.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Returns storescu's path; a missing program ignores the test with the install command, or fails it where AINODE_REQUIRE_PEERS=1.</summary>
    public static string Require() => Peers.RequireProgram("storescu", "dcmtk");

    /// <summary>Sends <paramref name="files"/> over one association with verbose output; returns the exit code and the output.</summary>
    public static (int ExitCode, string Output) Send(string callingAeTitle, int port, params string[] files)
    {
        string[] arguments = ["-v", "-aet", callingAeTitle, "-aec", "AINODE", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), .. files];
        var (exitCode, output, error) = ProgramRun.Run(Require(), Limit, arguments);
        var text = output + error;
        TestContext.Progress.WriteLine(text);
        return (exitCode, text);
    }
}
