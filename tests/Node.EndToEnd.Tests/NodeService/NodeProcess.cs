using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Node.Host.Jobs;
using Node.Host.Jobs.Sqlite;

namespace Node.EndToEnd.Tests.NodeService;

/// <summary>
/// The node (<c>dotnet ainode.dll</c> with no command) run as a separate process, as an operator
/// runs it: its own working folder (whose <c>var/</c> contains storage and the job store), settings
/// as <c>AINODE__Section__Key</c> environment variables, killed by its PID at the end.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    public const string AeTitle = "AINODE";

    /// <summary>Longest one node process may run before it is killed by PID.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    /// <summary>Longest wait for every pushed study to be analysed and delivered.</summary>
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(180);

    /// <summary>States a job does not leave.</summary>
    private static readonly JobState[] EndStates = [JobState.Done, JobState.NotAnalysed, JobState.Failed];

    private readonly BackgroundProcess _process;
    private readonly string _workingFolder;

    private NodeProcess(BackgroundProcess process, string workingFolder, int port)
    {
        _process = process;
        _workingFolder = workingFolder;
        Port = port;
    }

    /// <summary>The node's DICOM port on 127.0.0.1.</summary>
    public int Port { get; }

    public string Output => _process.Output;

    /// <summary>
    /// Starts the node in <paramref name="workingFolder"/> with <paramref name="settings"/> (configuration
    /// paths such as "Dicom:Port", which must be set) and waits until its DICOM port accepts connections.
    /// </summary>
    public static async Task<NodeProcess> StartAsync(string workingFolder, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingFolder };
        start.ArgumentList.Add(Ainode.AssemblyPath);
        foreach (var (key, value) in settings)
        {
            start.Environment["AINODE__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var port = int.Parse(settings["Dicom:Port"], CultureInfo.InvariantCulture);
        var node = new NodeProcess(BackgroundProcess.Start(start, Limit), workingFolder, port);
        await node._process.WaitForPortAsync(port);
        return node;
    }

    /// <summary>
    /// The settings of the round-trip tests: loopback only on <paramref name="port"/>, no web endpoint,
    /// a two-second quiet period, no free-disk margin (the test folder may sit on a small disk), CPU
    /// inference, and one destination, <paramref name="destinationAeTitle"/> at 127.0.0.1:<paramref name="destinationPort"/>.
    /// </summary>
    public static Dictionary<string, string> TestSettings(int port, int destinationPort, string destinationAeTitle) => new(StringComparer.Ordinal)
    {
        ["Dicom:AeTitle"] = AeTitle,
        ["Dicom:BindAddress"] = "127.0.0.1",
        ["Dicom:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Web:Enabled"] = "false",
        ["Storage:FreeDiskMarginMegabytes"] = "0",
        ["StudyAssembly:QuietPeriod"] = "00:00:02",
        ["StudyAssembly:PollInterval"] = "00:00:00.250",
        ["Destinations:PollInterval"] = "00:00:00.250",
        ["Inference:UseCuda"] = "false",
        ["Destinations:Peers:0:Name"] = "pacs",
        ["Destinations:Peers:0:Host"] = "127.0.0.1",
        ["Destinations:Peers:0:Port"] = destinationPort.ToString(CultureInfo.InvariantCulture),
        ["Destinations:Peers:0:CalledAeTitle"] = destinationAeTitle,
        ["Destinations:Peers:0:CallingAeTitle"] = AeTitle,
    };

    /// <summary>
    /// Waits until the node's job store contains a job for every study in <paramref name="studyInstanceUids"/>
    /// and every job of theirs has ended (Done, NotAnalysed or Failed); returns those jobs by study.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Job>>> WaitForStudiesEndedAsync(IReadOnlyCollection<string> studyInstanceUids)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var jobs = await ReadJobsAsync(studyInstanceUids);
            var open = jobs.Where(study => study.Value.Count == 0 || study.Value.Any(job => !EndStates.Contains(job.State))).Select(study => study.Key).ToList();
            if (open.Count == 0)
            {
                return jobs;
            }

            if (clock.Elapsed > DeliveryLimit || _process.HasExited)
            {
                Assert.Fail($"{open.Count} of {studyInstanceUids.Count} stud(ies) not ended within {DeliveryLimit.TotalSeconds} s (node exited: {_process.HasExited}): {string.Join(", ", open)}\nNode output:\n{Output}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Kills the node by its PID.</summary>
    public void Dispose() => _process.Dispose();

    private async Task<Dictionary<string, IReadOnlyList<Job>>> ReadJobsAsync(IReadOnlyCollection<string> studyInstanceUids)
    {
        var path = Path.Combine(_workingFolder, "var", "jobs.db");
        var jobs = studyInstanceUids.ToDictionary(uid => uid, _ => (IReadOnlyList<Job>)[], StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return jobs;
        }

        using var store = new SqliteJobStore(path, TimeSpan.FromSeconds(5), NullLogger<SqliteJobStore>.Instance);
        foreach (var uid in studyInstanceUids)
        {
            jobs[uid] = await store.GetStudyJobsAsync(uid);
        }

        return jobs;
    }
}
