using System.Diagnostics;

namespace Node.Benchmarks;

/// <summary>
/// The wall time of one timed pass and the processor time the whole process used during it.
/// Processor time counts every thread (preprocessing, ONNX Runtime's intra-op threads, the
/// garbage collector), so it shows the work a pass costs even where other jobs on the machine
/// stretch its wall time.
/// </summary>
internal readonly record struct TimedPass(TimeSpan Wall, TimeSpan Processor)
{
    /// <summary>Runs <paramref name="pass"/>, which returns its own wall time, and adds the processor time used meanwhile.</summary>
    public static TimedPass Measure(Func<TimeSpan> pass)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var wall = pass();
        process.Refresh();
        return new TimedPass(wall, process.TotalProcessorTime - before);
    }
}
