using System.Diagnostics;

namespace Node.EndToEnd.Tests.Processes;

/// <summary>Runs a program to its end, as a user would from a shell, and returns what it printed.</summary>
internal static class ProgramRun
{
    /// <summary>Longest a program run to completion may take before it is killed by PID.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>The node's program, copied next to the tests by the Node.Host project reference.</summary>
    public static string AinodeAssembly => Path.Combine(AppContext.BaseDirectory, "ainode.dll");

    /// <summary>Runs <c>dotnet ainode.dll</c> with <paramref name="arguments"/>; fails the test where it exits with non-zero.</summary>
    public static string Ainode(params string[] arguments)
    {
        var (exitCode, output, error) = Run("dotnet", [AinodeAssembly, .. arguments]);
        Assert.That(exitCode, Is.Zero, $"ainode {string.Join(' ', arguments)}:\n{output}{error}");
        return output;
    }

    /// <summary>Runs <paramref name="program"/> to its end, killed by PID after <see cref="Limit"/>.</summary>
    public static (int ExitCode, string Output, string Error) Run(string program, params string[] arguments)
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
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not exit within {Limit.TotalMinutes} minutes and was killed by PID {process.Id}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
