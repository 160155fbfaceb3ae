using Node.Dicom.IO;
using Node.Dicom.Network.Server;
using Node.Dicom.Network.Tests.Support;
using Node.Dicom.Tags;

namespace Node.Dicom.Network.Tests.Interop;

/// <summary>DCMTK's echoscu and storescu against our server over loopback.</summary>
[TestFixture]
public sealed class DcmtkToServerTests
{
    /// <summary>Uncompressed pydicom samples in Explicit and Implicit VR Little Endian, of several SOP classes.</summary>
    private static readonly string[] SampleNames =
    [
        "CT_small.dcm", "MR_small_implicit.dcm", "rtplan.dcm", "rtdose.dcm",
        "reportsi.dcm", "test-SR.dcm", "SC_rgb_small_odd.dcm",
    ];

    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Directory.CreateTempSubdirectory("ainode-net-").FullName;
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Echoscu_succeeds_against_server()
    {
        var echoscu = Peers.RequireProgram("echoscu", "dcmtk");
        await using var server = await TestServers.StartAsync(new RecordingStoreHandler());

        var result = ProgramRun.Run(echoscu, "-aet", "ECHOSCU", "-aec", "AINODE", "127.0.0.1", Port(server));

        Assert.That(result.ExitCode, Is.Zero, result.Error);
    }

    [Test]
    [Description("A called AE title that is not ours is rejected 1/1/7, which echoscu reports as a failed association.")]
    public async Task Echoscu_fails_with_wrong_called_ae()
    {
        var echoscu = Peers.RequireProgram("echoscu", "dcmtk");
        await using var server = await TestServers.StartAsync(new RecordingStoreHandler());

        var result = ProgramRun.Run(echoscu, "-aet", "ECHOSCU", "-aec", "SOMEONE", "127.0.0.1", Port(server));

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Error + result.Output, Does.Contain("Called AE Title Not Recognized").IgnoreCase);
    }

    [TestCase("-x=", Description = "storescu's default: every uncompressed syntax, Explicit VR first.")]
    [TestCase("-xe", Description = "Every uncompressed syntax, Explicit VR Little Endian first.")]
    [TestCase("-xi", Description = "Implicit VR Little Endian only: storescu converts the Explicit VR samples.")]
    [TestCase("-xs", Description = "JPEG Lossless first, then the uncompressed syntaxes; the server picks Explicit VR.")]
    [TestCase("-xi", "-R", Description = "Only the contexts the files need, in Implicit VR.")]
    public async Task Storescu_samples_arrive_unchanged(string proposal, string? requiredOnly = null)
    {
        var storescu = Peers.RequireProgram("storescu", "dcmtk");
        var samples = SampleNames.Select(name => Peers.RequirePath(Path.Combine(Peers.PydicomTestFiles, name), "python3-pydicom")).ToArray();
        var sources = samples.ToDictionary(path => DicomFile.Open(path).Dataset.GetUid(DicomTags.SOPInstanceUID)!, path => DicomFile.Open(path));
        var handler = new RecordingStoreHandler { OutputFolder = _folder };
        await using var server = await TestServers.StartAsync(handler, options => options.StorageSopClasses = SopClasses(sources.Values));

        string[] extra = requiredOnly is null ? [] : [requiredOnly];
        var result = ProgramRun.Run(storescu, ["-aet", "STORESCU", "-aec", "AINODE", proposal, .. extra, "127.0.0.1", Port(server), .. samples]);

        Assert.That(result.ExitCode, Is.Zero, result.Error + result.Output);
        Assert.That(handler.Received.Select(item => item.Request.SopInstanceUid), Is.EquivalentTo(sources.Keys));
        foreach (var (request, bytes) in handler.Received)
        {
            var source = sources[request.SopInstanceUid];
            var received = DicomFile.ReadDataset(bytes, request.TransferSyntax);
            var stored = DicomFile.Open(Path.Combine(_folder, request.SopInstanceUid + ".dcm"));

            Assert.That(DatasetComparer.Differences(source.Dataset, received), Is.Empty, $"{request.SopInstanceUid} in {request.TransferSyntax}");
            Assert.That(stored.TransferSyntax, Is.EqualTo(request.TransferSyntax), request.SopInstanceUid);
            Assert.That(stored.FileMetaInformation.GetUid(DicomTags.MediaStorageSOPInstanceUID), Is.EqualTo(request.SopInstanceUid));
            Assert.That(DatasetComparer.Differences(received, stored.Dataset), Is.Empty, "stored file");
        }
    }

    private static IReadOnlySet<string> SopClasses(IEnumerable<DicomFile> files) =>
        files.Select(file => file.Dataset.GetUid(DicomTags.SOPClassUID)!).ToHashSet();

    private static string Port(DicomServer server) => server.LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
