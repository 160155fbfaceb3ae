using System.Diagnostics;
using System.Globalization;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.EndToEnd.Tests.NodeService;
using Node.Reports.Sr;

namespace Node.EndToEnd.Tests;

/// <summary>
/// The quick start as a user follows it: <c>ainode receive</c> as a stand-in PACS, the node with
/// its default settings and that PACS as its destination, and <c>ainode send</c> of pydicom's CT
/// sample. The SR and SC must arrive in the stand-in's folder.
/// </summary>
/// <remarks>
/// The commands and arguments are those of the quick start. Only the ports differ: the test takes
/// free loopback ports for the node, its web endpoint and the stand-in, so that it can run next to
/// other tests, and binds the node and the stand-in to 127.0.0.1.
/// </remarks>
[TestFixture]
public sealed class QuickStartTests
{
    private const string PacsAeTitle = "PACS";

    /// <summary>Longest the stand-in PACS may run before it is killed by PID.</summary>
    private static readonly TimeSpan ReceiverLimit = TimeSpan.FromMinutes(5);

    private string _root = null!;

    [SetUp]
    public void CreateFolder() => _root = Directory.CreateTempSubdirectory("ainode-quick-start-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    [Test]
    [Description("The default quiet period is 10 s, so this test waits that long before the analysis starts.")]
    public async Task Quick_start_delivers_sr_and_sc()
    {
        var sample = Peers.PydicomSample("CT_small.dcm");
        var pacsFolder = Directory.CreateDirectory(Path.Combine(_root, "pacs")).FullName;
        var pacsPort = LoopbackPorts.FindFree();
        using var pacs = StartReceiver(pacsFolder, pacsPort);
        await pacs.WaitForPortAsync(pacsPort);

        var nodePort = LoopbackPorts.FindFree();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Destinations:Peers:0:Name"] = "pacs",
            ["Destinations:Peers:0:Host"] = "127.0.0.1",
            ["Destinations:Peers:0:Port"] = pacsPort.ToString(CultureInfo.InvariantCulture),
            ["Destinations:Peers:0:CalledAeTitle"] = PacsAeTitle,
            ["Dicom:Port"] = nodePort.ToString(CultureInfo.InvariantCulture),
            ["Dicom:BindAddress"] = "127.0.0.1",
            ["Web:Url"] = $"http://127.0.0.1:{LoopbackPorts.FindFree()}",
        };
        using var node = await NodeProcess.StartAsync(Directory.CreateDirectory(Path.Combine(_root, "node")).FullName, settings);

        Ainode.RunChecked("send", sample, "--port", nodePort.ToString(CultureInfo.InvariantCulture));

        var studyInstanceUid = DicomFile.Open(sample).Dataset.GetUid(DicomTags.StudyInstanceUID)!;
        await node.WaitForStudiesEndedAsync([studyInstanceUid]);
        var received = Directory.GetFiles(pacsFolder, "*.dcm").Select(path => DicomFile.Open(path).Dataset).ToList();
        var srs = received.Where(dataset => dataset.GetUid(DicomTags.SOPClassUID) == PacsRoundTripFixture.ComprehensiveSrSopClassUid).ToList();
        var scs = received.Where(dataset => dataset.GetUid(DicomTags.SOPClassUID)?.StartsWith(PacsRoundTripFixture.SecondaryCaptureSopClassRoot, StringComparison.Ordinal) == true).ToList();
        Assert.That(srs, Has.Count.EqualTo(1), pacs.Output);
        Assert.That(scs, Is.Not.Empty, pacs.Output);
        Assert.That(srs[0].GetUid(DicomTags.StudyInstanceUID), Is.EqualTo(studyInstanceUid));
        Assert.That(SrReader.Read(srs[0]).IsAnalysed, Is.True);

        // The quick start's last step: ainode dump on each received file shows the SR and the SC series.
        var modalityLines = Directory.GetFiles(pacsFolder, "*.dcm")
            .SelectMany(path => Ainode.RunChecked("dump", path, "--stop-before-pixel-data").Split('\n'))
            .Where(line => line.TrimEnd().EndsWith(" Modality", StringComparison.Ordinal))
            .ToList();
        Assert.That(modalityLines, Has.Some.Contains("[SR]"));
        Assert.That(modalityLines, Has.Some.Contains("[OT]"));
    }

    /// <summary>Starts <c>ainode receive --out FOLDER --port PORT --ae-title PACS --log-format text</c>, the quick start's stand-in PACS, bound to 127.0.0.1.</summary>
    private static BackgroundProcess StartReceiver(string folder, int port)
    {
        var start = new ProcessStartInfo("dotnet");
        foreach (var argument in new[] { Ainode.AssemblyPath, "receive", "--out", folder, "--port", port.ToString(CultureInfo.InvariantCulture), "--ae-title", PacsAeTitle, "--log-format", "text", "--bind", "127.0.0.1" })
        {
            start.ArgumentList.Add(argument);
        }

        return BackgroundProcess.Start(start, ReceiverLimit);
    }
}
