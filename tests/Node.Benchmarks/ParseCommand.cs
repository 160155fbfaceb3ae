using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace Node.Benchmarks;

/// <summary>
/// The <c>parse</c> command: builds or reuses a corpus of CT images, times our full parse of
/// every file and DCMTK's dcmdump on the same files, and prints a Markdown table row. Our runs
/// alternate with dcmdump's single-process runs, so both see the same background load; the
/// reported ratio is the median of the paired per-run ratios.
/// </summary>
internal static class ParseCommand
{
    private const int DefaultCount = 300;
    private const int DefaultRuns = 7;
    private const int DefaultPerFileRuns = 3;
    private const int DefaultSeed = 1;
    private const string DefaultCorpus = "artifacts/benchmarks/parse-corpus";

    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Number of 512x512 16-bit CT images in the corpus.", DefaultValueFactory = _ => DefaultCount };
        var runs = new Option<int>("--runs") { Description = "Timed runs of our parse and of one dcmdump process; medians are reported.", DefaultValueFactory = _ => DefaultRuns };
        var perFileRuns = new Option<int>("--per-file-runs") { Description = "Timed runs of dcmdump started once per file.", DefaultValueFactory = _ => DefaultPerFileRuns };
        var seed = new Option<int>("--seed") { Description = "Seed of the random pixel data and UIDs.", DefaultValueFactory = _ => DefaultSeed };
        var corpus = new Option<DirectoryInfo>("--corpus") { Description = "Folder of the corpus; reused where it holds the same count and seed.", DefaultValueFactory = _ => new DirectoryInfo(DefaultCorpus) };
        var command = new Command("parse", "Time our full parse of a CT corpus against DCMTK's dcmdump.") { count, runs, perFileRuns, seed, corpus };
        command.SetAction(result => Run(result.GetValue(corpus)!, result.GetValue(count), result.GetValue(runs), result.GetValue(perFileRuns), result.GetValue(seed)));
        return command;
    }

    private static int Run(DirectoryInfo folder, int count, int runs, int perFileRuns, int seed)
    {
        if (count < 1 || runs < 1 || perFileRuns < 0)
        {
            Console.Error.WriteLine($"--count ({count}) and --runs ({runs}) must be at least 1, --per-file-runs ({perFileRuns}) at least 0.");
            return 2;
        }

        var files = CtCorpus.Ensure(folder, count, seed);
        var totalBytes = files.Sum(file => new FileInfo(file).Length);
        Console.WriteLine($"corpus: {files.Count} files, {totalBytes / 1e6:F1} MB in {folder.FullName}");
        Console.WriteLine($"load average at start: {LoadAverage()}");

        var dcmdump = DcmdumpRun.Find();
        if (dcmdump is null)
        {
            Console.WriteLine("dcmdump not found; install it with: apt-get install -y dcmtk");
        }

        var timings = TimeAlternating(files, runs, dcmdump);
        var perFile = dcmdump is null || perFileRuns == 0 ? null : (TimeSpan?)Median.Of([.. Enumerable.Range(0, perFileRuns).Select(_ => DcmdumpRun.TimePerFile(dcmdump, files))]);
        Console.WriteLine($"load average at end: {LoadAverage()}");
        Console.WriteLine($"ours per run (s): {string.Join(' ', timings.Ours.Select(time => Seconds(time)))}");
        Console.WriteLine($"dcmdump per run (s): {string.Join(' ', timings.Dcmdump.Select(time => Seconds(time)))}");
        Console.WriteLine($"GC: {timings.Gen2Collections} gen2 collections, {timings.GCPause.TotalSeconds:F3} s paused in our timed runs");

        PrintRow(files.Count, totalBytes, timings, perFile);
        return 0;
    }

    /// <summary>Runs our parse and one dcmdump process in turn, after one untimed run of each.</summary>
    private static Timings TimeAlternating(IReadOnlyList<string> files, int runs, string? dcmdump)
    {
        ulong checksum = 0;
        OurParse.TimeOnce(files, ref checksum);
        if (dcmdump is not null)
        {
            DcmdumpRun.TimeOneProcess(dcmdump, files);
        }

        var ours = new List<TimeSpan>();
        var peer = new List<TimeSpan>();
        var gen2Before = GC.CollectionCount(2);
        var pauseBefore = GC.GetTotalPauseDuration();
        for (var run = 0; run < runs; run++)
        {
            ours.Add(OurParse.TimeOnce(files, ref checksum));
            if (dcmdump is not null)
            {
                peer.Add(DcmdumpRun.TimeOneProcess(dcmdump, files));
            }
        }

        Console.WriteLine($"checksum of the values read: {checksum:X16}");
        return new Timings(ours, peer, GC.CollectionCount(2) - gen2Before, GC.GetTotalPauseDuration() - pauseBefore);
    }

    private static void PrintRow(int count, long totalBytes, Timings timings, TimeSpan? perFile)
    {
        var ours = Median.Of(timings.Ours);
        TimeSpan? oneProcess = timings.Dcmdump.Count > 0 ? Median.Of(timings.Dcmdump) : null;
        var pairedRatio = timings.Dcmdump.Count > 0
            ? Median.Of([.. timings.Ours.Zip(timings.Dcmdump, (our, peer) => peer.TotalSeconds / our.TotalSeconds)]).ToString("F2", CultureInfo.InvariantCulture) + "x"
            : "n/a";
        var peakMiB = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine();
        Console.WriteLine("| files | MB | ours s | ours files/s | ours MB/s | ours peak WS MiB | dcmdump one process s | files/s | dcmdump per file s | files/s | dcmdump one process / ours (paired median) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {count} | {totalBytes / 1e6:F1} | {Seconds(ours)} | {count / ours.TotalSeconds:F0} | {totalBytes / 1e6 / ours.TotalSeconds:F0} | {peakMiB:F0} | {Seconds(oneProcess)} | {Rate(count, oneProcess)} | {Seconds(perFile)} | {Rate(count, perFile)} | {pairedRatio} |"));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Seconds(TimeSpan? time) => time is { } t ? t.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture) : "n/a";

    private static string Rate(int count, TimeSpan? time) => time is { } t ? (count / t.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture) : "n/a";

    private sealed record Timings(List<TimeSpan> Ours, List<TimeSpan> Dcmdump, int Gen2Collections, TimeSpan GCPause);
}
