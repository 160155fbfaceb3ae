using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace Node.Benchmarks;

/// <summary>
/// The <c>parse</c> command: builds or reuses a corpus of CT images, times our full parse of
/// every file and DCMTK's dcmdump on the same files, and prints a Markdown table row.
/// </summary>
internal static class ParseCommand
{
    private const int DefaultCount = 300;
    private const int DefaultRuns = 5;
    private const int DefaultSeed = 1;
    private const string DefaultCorpus = "artifacts/benchmarks/parse-corpus";

    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Number of 512x512 16-bit CT images in the corpus.", DefaultValueFactory = _ => DefaultCount };
        var runs = new Option<int>("--runs") { Description = "Timed runs of each reader; the median is reported.", DefaultValueFactory = _ => DefaultRuns };
        var seed = new Option<int>("--seed") { Description = "Seed of the random pixel data and UIDs.", DefaultValueFactory = _ => DefaultSeed };
        var corpus = new Option<DirectoryInfo>("--corpus") { Description = "Folder of the corpus; reused where it holds the same count and seed.", DefaultValueFactory = _ => new DirectoryInfo(DefaultCorpus) };
        var command = new Command("parse", "Time our full parse of a CT corpus against DCMTK's dcmdump.") { count, runs, seed, corpus };
        command.SetAction(result => Run(result.GetValue(corpus)!, result.GetValue(count), result.GetValue(runs), result.GetValue(seed)));
        return command;
    }

    private static int Run(DirectoryInfo folder, int count, int runs, int seed)
    {
        if (count < 1 || runs < 1)
        {
            Console.Error.WriteLine($"--count ({count}) and --runs ({runs}) must be at least 1.");
            return 2;
        }

        var files = CtCorpus.Ensure(folder, count, seed);
        var totalBytes = files.Sum(file => new FileInfo(file).Length);
        Console.WriteLine($"corpus: {files.Count} files, {totalBytes / 1e6:F1} MB in {folder.FullName}");

        var ours = OurParse.Time(files, runs);
        Console.WriteLine($"ours: median {ours.Median.TotalSeconds:F3} s over {runs} runs, checksum {ours.Checksum:X16}");

        var dcmdump = DcmdumpRun.Find();
        var oneProcess = dcmdump is null ? null : (TimeSpan?)DcmdumpRun.TimeOneProcess(dcmdump, files, runs);
        var perFile = dcmdump is null ? null : (TimeSpan?)DcmdumpRun.TimePerFile(dcmdump, files, runs);
        if (dcmdump is null)
        {
            Console.WriteLine("dcmdump not found; install it with: apt-get install -y dcmtk");
        }

        PrintRow(files.Count, totalBytes, ours, oneProcess, perFile);
        return 0;
    }

    private static void PrintRow(int count, long totalBytes, OurParse.Result ours, TimeSpan? oneProcess, TimeSpan? perFile)
    {
        var peakMiB = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine();
        Console.WriteLine("| files | MB | ours s | ours files/s | ours MB/s | ours peak WS MiB | dcmdump one process s | files/s | dcmdump per file s | files/s | ours / dcmdump one process |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {count} | {totalBytes / 1e6:F1} | {ours.Median.TotalSeconds:F3} | {count / ours.Median.TotalSeconds:F0} | {totalBytes / 1e6 / ours.Median.TotalSeconds:F0} | {peakMiB:F0} | {Seconds(oneProcess)} | {Rate(count, oneProcess)} | {Seconds(perFile)} | {Rate(count, perFile)} | {Ratio(ours.Median, oneProcess)} |"));
    }

    private static string Seconds(TimeSpan? time) => time is { } t ? t.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture) : "n/a";

    private static string Rate(int count, TimeSpan? time) => time is { } t ? (count / t.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>How many times faster ours is: dcmdump's time over ours.</summary>
    private static string Ratio(TimeSpan ours, TimeSpan? dcmdump) =>
        dcmdump is { } peer ? (peer.TotalSeconds / ours.TotalSeconds).ToString("F2", CultureInfo.InvariantCulture) + "x" : "n/a";
}
