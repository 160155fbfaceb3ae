using System.Diagnostics;

namespace Node.Testing;

/// <summary>Runs a program to its end, as a user would from a shell, and returns what it printed.</summary>
public static class ProgramRun
{
    /// <summary>Longest a program run to completion may take, unless the caller gives a limit, before it is killed by PID.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="program"/> to its end, killed by PID after <see cref="DefaultLimit"/>.</summary>
    public static (int ExitCode, string Output, string Error) Run(string program, params string[] arguments) =>
        Run(program, DefaultLimit, arguments);

    /// <summary>
    /// Runs <paramref name="program"/> to its end and returns its exit code, standard output and
    /// standard error. Past <paramref name="limit"/> the program and its children are killed by
    /// PID and the test fails.
    /// </summary>
    public static (int ExitCode, string Output, string Error) Run(string program, TimeSpan limit, params string[] arguments)
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
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not exit within {limit.TotalSeconds} s and was killed by PID {process.Id}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs a program as <see cref="Run(string, string[])"/> does and returns its standard output; fails the test on a non-zero exit code.</summary>
    public static string RunChecked(string program, params string[] arguments) =>
        RunChecked(program, DefaultLimit, arguments);

    /// <summary>Runs a program as <see cref="Run(string, TimeSpan, string[])"/> does and returns its standard output; fails the test on a non-zero exit code.</summary>
    public static string RunChecked(string program, TimeSpan limit, params string[] arguments)
    {
        var (exitCode, output, error) = Run(program, limit, arguments);
        if (exitCode != 0)
        {
            Assert.Fail($"{program} {string.Join(' ', arguments)} exited with {exitCode}:\n{output}{error}");
        }

        return output;
    }
}
