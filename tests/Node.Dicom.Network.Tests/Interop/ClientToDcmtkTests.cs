using Node.Dicom.IO;
using Node.Dicom.Network.Client;
using Node.Dicom.Network.Tests.Support;
using Node.Dicom.Tags;

namespace Node.Dicom.Network.Tests.Interop;

/// <summary>Our client against DCMTK's storescp over loopback.</summary>
[TestFixture]
public sealed class ClientToDcmtkTests
{
    private static readonly string[] SampleNames =
    [
        "CT_small.dcm", "MR_small_implicit.dcm", "rtplan.dcm", "reportsi.dcm", "SC_rgb_small_odd.dcm", "MR_small_RLE.dcm",
    ];

    private static readonly TimeSpan PeerLimit = TimeSpan.FromSeconds(60);

    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("ainode-storescp-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Echo_succeeds_against_storescp()
    {
        var (storescp, port) = await StartStorescpAsync();
        using (storescp)
        {
            var client = new DicomClient(Options(port), TestLoggerFactory.OutputOnly);

            await client.EchoAsync().WaitAsync(TestServers.Guard);
        }
    }

    [TestCase(null, Description = "storescp's default maximum PDU length.")]
    [TestCase("4096", Description = "A peer maximum of 4096: every P-DATA-TF we send must fit it, or storescp rejects the PDU.")]
    public async Task Send_samples_arrive_at_storescp(string? maxPdu)
    {
        var (storescp, port) = await StartStorescpAsync(maxPdu is null ? [] : ["--max-pdu", maxPdu]);
        using (storescp)
        {
            var samples = SampleNames.Select(name => Peers.RequirePath(Path.Combine(Peers.PydicomTestFiles, name), "python3-pydicom")).ToArray();
            var client = new DicomClient(Options(port), TestLoggerFactory.OutputOnly);

            var outcomes = await client.SendAsync(samples).WaitAsync(TestServers.Guard);

            var stored = Directory.GetFiles(_folder).Select(path => DicomFile.Open(path)).ToDictionary(file => file.Dataset.GetUid(DicomTags.SOPInstanceUID)!);
            foreach (var (sample, outcome) in samples.Zip(outcomes))
            {
                var source = DicomFile.Open(sample);
                var uid = source.Dataset.GetUid(DicomTags.SOPInstanceUID)!;
                if (source.TransferSyntax.IsEncapsulated)
                {
                    // storescp accepts only uncompressed syntaxes by default, so a compressed
                    // file has no context and must be reported unsent.
                    Assert.That(outcome.Status, Is.Null, sample);
                    Assert.That(outcome.Error, Does.Contain("no presentation context"), sample);
                    continue;
                }

                Assert.That(outcome.IsSuccess, Is.True, $"{sample}: {outcome.Error} {storescp.Output}");
                Assert.That(stored.ContainsKey(uid), Is.True, sample);
                Assert.That(DatasetComparer.Differences(source.Dataset, stored[uid].Dataset), Is.Empty, sample);
            }
        }
    }

    [TestCase(null, Description = "storescp's default maximum PDU length.")]
    [TestCase("4096", Description = "Many fragments per data set, each read from the file as it goes.")]
    [Description("With a whole-file limit of one byte, every file goes from disk one fragment at a time. storescp +B stores each data set as received, so the stored bytes after the meta information equal the file's.")]
    public async Task Files_over_limit_go_from_disk(string? maxPdu)
    {
        var (storescp, port) = await StartStorescpAsync(["+B", .. maxPdu is null ? Array.Empty<string>() : ["--max-pdu", maxPdu]]);
        using (storescp)
        {
            var samples = SampleNames.Select(name => Peers.RequirePath(Path.Combine(Peers.PydicomTestFiles, name), "python3-pydicom")).ToArray();
            var options = Options(port);
            options.WholeFileLimitBytes = 1;
            var client = new DicomClient(options, TestLoggerFactory.OutputOnly);

            var outcomes = await client.SendAsync(samples).WaitAsync(TestServers.Guard);

            var stored = Directory.GetFiles(_folder).ToDictionary(path => DicomFile.Open(path).Dataset.GetUid(DicomTags.SOPInstanceUID)!);
            foreach (var (sample, outcome) in samples.Zip(outcomes).Where(pair => !DicomFile.Open(pair.First).TransferSyntax.IsEncapsulated))
            {
                var uid = DicomFile.Open(sample).Dataset.GetUid(DicomTags.SOPInstanceUID)!;
                Assert.That(outcome.IsSuccess, Is.True, $"{sample}: {outcome.Error} {storescp.Output}");
                Assert.That(DataSetBytes(stored[uid]).SequenceEqual(DataSetBytes(sample)), Is.True, sample);
            }
        }
    }

    [Test]
    [Description("A file over the limit goes out without a full read, so a file truncated inside Pixel Data must be rejected before anything is sent, as a whole read rejects it.")]
    public async Task Truncated_file_over_limit_rejected()
    {
        var sample = File.ReadAllBytes(Peers.RequirePath(Path.Combine(Peers.PydicomTestFiles, "CT_small.dcm"), "python3-pydicom"));
        var truncated = Path.Combine(Directory.CreateTempSubdirectory("ainode-truncated-").FullName, "cut.dcm");
        File.WriteAllBytes(truncated, sample[..^1000]);
        var (storescp, port) = await StartStorescpAsync("+B");
        using (storescp)
        {
            var options = Options(port);
            options.WholeFileLimitBytes = 1;
            var client = new DicomClient(options, TestLoggerFactory.OutputOnly);

            var outcome = (await client.SendAsync([truncated]).WaitAsync(TestServers.Guard)).Single();

            Assert.That(outcome.Status, Is.Null);
            Assert.That(outcome.Error, Does.Contain("the file is truncated"));
        }

        Assert.That(Directory.GetFiles(_folder), Is.Empty);
        Directory.Delete(Path.GetDirectoryName(truncated)!, recursive: true);
    }

    /// <summary>A file's bytes after its File Meta Information.</summary>
    private static byte[] DataSetBytes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes[(int)DicomFile.Read(bytes).DatasetOffset..];
    }

    private async Task<(BackgroundProcess Process, int Port)> StartStorescpAsync(params string[] extra)
    {
        var program = Peers.RequireProgram("storescp", "dcmtk");
        var port = LoopbackPorts.FindFree();
        var process = BackgroundProcess.Start(program, PeerLimit, ["-aet", "STORESCP", "--output-directory", _folder, .. extra, port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await process.WaitForPortAsync(port);
        return (process, port);
    }

    private static DicomClientOptions Options(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        CalledAeTitle = "STORESCP",
        CallingAeTitle = "AINODE",
    };
}
