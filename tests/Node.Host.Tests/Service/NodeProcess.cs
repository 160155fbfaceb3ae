using System.Diagnostics;
using System.Globalization;

namespace Node.Host.Tests.Service;

/// <summary>
/// The node (<c>ainode</c> with no command) run as a process, as an operator runs it: its own
/// working folder (whose <c>var/</c> contains the storage), settings as <c>AINODE__</c> environment
/// variables, stopped by signals to its PID or killed with SIGKILL.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    /// <summary>Longest one node process may run before it is killed by PID.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private readonly BackgroundProcess _process;

    private NodeProcess(BackgroundProcess process, string workingFolder, int port)
    {
        _process = process;
        WorkingFolder = workingFolder;
        Port = port;
    }

    public string WorkingFolder { get; }

    /// <summary>The node's DICOM port on 127.0.0.1.</summary>
    public int Port { get; }

    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    /// <summary>The settings every test node gets: loopback only, no web endpoint, short quiet period and polls, CPU only.</summary>
    public static Dictionary<string, string> BaseSettings(int port) => new(StringComparer.Ordinal)
    {
        ["Dicom:BindAddress"] = "127.0.0.1",
        ["Dicom:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Web:Enabled"] = "false",
        ["Storage:FreeDiskMarginMegabytes"] = "0",
        ["StudyAssembly:QuietPeriod"] = "00:00:01",
        ["StudyAssembly:PollInterval"] = "00:00:00.200",
        ["Destinations:PollInterval"] = "00:00:00.200",
        ["Destinations:RetryBaseDelay"] = "00:00:00.200",
        ["Destinations:RetryMaxDelay"] = "00:00:01",
        ["Destinations:CircuitBreakerBreakDuration"] = "00:00:01",
        ["Inference:UseCuda"] = "false",
    };

    /// <summary>Adds a destination as the first peer.</summary>
    public static void AddDestination(Dictionary<string, string> settings, string name, int port, string calledAeTitle)
    {
        settings["Destinations:Peers:0:Name"] = name;
        settings["Destinations:Peers:0:Host"] = "127.0.0.1";
        settings["Destinations:Peers:0:Port"] = port.ToString(CultureInfo.InvariantCulture);
        settings["Destinations:Peers:0:CalledAeTitle"] = calledAeTitle;
    }

    /// <summary>Starts the node in <paramref name="workingFolder"/> and waits until its DICOM port accepts connections.</summary>
    public static async Task<NodeProcess> StartAsync(string workingFolder, IReadOnlyDictionary<string, string> settings)
    {
        var node = StartWithoutWaiting(workingFolder, settings);
        await node._process.WaitForPortAsync(node.Port);
        return node;
    }

    /// <summary>Starts the node and returns at once, for a start that is expected to fail.</summary>
    public static NodeProcess StartWithoutWaiting(string workingFolder, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingFolder };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ainode.dll"));
        foreach (var (key, value) in settings)
        {
            start.Environment["AINODE__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var port = int.Parse(settings["Dicom:Port"], CultureInfo.InvariantCulture);
        return new NodeProcess(BackgroundProcess.Start(start, Limit), workingFolder, port);
    }

    /// <summary>Waits until the output contains <paramref name="count"/> lines containing <paramref name="text"/>; fails the test with the output after <paramref name="limit"/>.</summary>
    public async Task WaitForOutputAsync(string text, int count, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (Occurrences(text) < count)
        {
            if (clock.Elapsed > limit || _process.HasExited)
            {
                Assert.Fail($"The node did not log \"{text}\" {count} time(s) within {limit.TotalSeconds} s (exited: {_process.HasExited}). Output:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>How many lines of the output so far contain <paramref name="text"/>.</summary>
    public int Occurrences(string text) =>
        Output.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    public void Interrupt() => _process.Interrupt();

    public void Terminate() => _process.Terminate();

    public void KillHard() => _process.KillHard();

    public int WaitForExit() => _process.WaitForExit();

    public void Dispose() => _process.Dispose();
}
