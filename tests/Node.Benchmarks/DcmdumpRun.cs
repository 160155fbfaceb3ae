using System.Diagnostics;

namespace Node.Benchmarks;

/// <summary>
/// Times DCMTK's dcmdump reading the corpus with its output discarded, two ways: one process
/// given every file, and one process per file. Both write to /dev/null through the shell, so
/// this process spends no time reading their output.
/// </summary>
internal static class DcmdumpRun
{
    /// <summary>Returns the path of dcmdump, or null where DCMTK is not installed.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "dcmdump"))
            .FirstOrDefault(File.Exists);

    /// <summary>Times one dcmdump process that reads every file.</summary>
    public static TimeSpan TimeOneProcess(string dcmdump, IReadOnlyList<string> files) =>
        TimeShell($"exec '{dcmdump}' \"$@\" >/dev/null 2>&1", files);

    /// <summary>Times one dcmdump process per file, started one after another by a shell loop.</summary>
    public static TimeSpan TimePerFile(string dcmdump, IReadOnlyList<string> files) =>
        TimeShell($"for f in \"$@\"; do '{dcmdump}' \"$f\" >/dev/null 2>&1 || exit 1; done", files);

    private static TimeSpan TimeShell(string script, IReadOnlyList<string> files)
    {
        var timer = Stopwatch.StartNew();
        RunShell(script, files);
        return timer.Elapsed;
    }

    private static void RunShell(string script, IReadOnlyList<string> files)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("sh");
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("/bin/sh did not start.");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dcmdump failed with exit code {process.ExitCode}; run it on one corpus file to see why.");
        }
    }
}
