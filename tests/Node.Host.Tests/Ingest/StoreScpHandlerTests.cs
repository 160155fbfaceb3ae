using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Network.Association;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Server;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;
using Node.Host.Ingest;
using Node.Host.Jobs;
using Node.Host.Jobs.Sqlite;

namespace Node.Host.Tests.Ingest;

/// <summary>
/// The Store SCP handler called directly, for the cases a network peer cannot produce. The server
/// rejects an invalid command UID before any handler receives it, and storescu takes the command's
/// UID from the data set.
/// </summary>
[TestFixture]
public sealed class StoreScpHandlerTests
{
    private const string Study = "1.2.826.0.1.3680043.8.498.20";
    private const string Series = Study + ".1";
    private const string Sop = Series + ".1";

    private IngestNode _node = null!;

    [SetUp]
    public async Task CreateNode() => _node = await IngestNode.CreateAsync();

    [TearDown]
    public async Task DisposeNode() => await _node.DisposeAsync();

    [TestCase("../../x", "not digits and dots", Description = "A relative path out of the storage folder.")]
    [TestCase("/tmp/x", "not digits and dots", Description = "An absolute path.")]
    [TestCase("1.2..3", "empty component", Description = "An empty component.")]
    [TestCase("1.222222222222222222222222222222222222222222222222222222222222222", "65 chars, over 64", Description = "65 characters, one more than a UID may have.")]
    public async Task Invalid_command_uid_gets_0117(string uid, string reason)
    {
        var result = await StoreAsync(Request(uid), TestInstances.Dataset(Study, Series, uid));

        Assert.That(result.Status, Is.EqualTo(DimseStatus.InvalidSopInstance));
        Assert.That(result.ErrorComment, Does.Contain(reason));
        Assert.That(_node.InstanceFiles(), Is.Empty);
        Assert.That(File.Exists(Path.GetFullPath(Path.Combine(_node.Instances.StagingFolder, "../../x.dcm"))), Is.False);
    }

    [Test]
    public async Task Data_set_uid_differing_from_command_gets_A900()
    {
        var result = await StoreAsync(Request(Sop), TestInstances.Dataset(Study, Series, Series + ".9"));

        Assert.That(result.Status, Is.EqualTo(DimseStatus.DataSetDoesNotMatchSopClassError));
        Assert.That(result.ErrorComment, Does.Contain("SOP Instance UID differs").And.Contain(Series + ".9"));
        Assert.That(_node.InstanceFiles(), Is.Empty);
    }

    [TestCase("1.2.x", Description = "A study UID that would name a folder 1.2.x.")]
    [TestCase("..", Description = "A study UID that would name the parent folder.")]
    [TestCase("1.2.03.4", Description = "A component with a leading zero, which the report writer would not take, so the job could never finish.")]
    public async Task Invalid_study_uid_gets_A900(string study)
    {
        var result = await StoreAsync(Request(Sop), TestInstances.Dataset(study, Series, Sop));

        Assert.That(result.Status, Is.EqualTo(DimseStatus.DataSetDoesNotMatchSopClassError));
        Assert.That(result.ErrorComment, Does.Contain("Study Instance UID").And.Contain(study));
        Assert.That(_node.InstanceFiles(), Is.Empty);
    }

    [Test]
    [Description("An element whose length runs past the end of the data set cannot be parsed: C000.")]
    public async Task Unreadable_data_set_gets_C000()
    {
        byte[] truncated = [0x08, 0x00, 0x18, 0x00, (byte)'U', (byte)'I', 0x40, 0x00, (byte)'1', (byte)'.'];

        var result = await _node.Handler.StoreAsync(Request(Sop), new MemoryStream(truncated), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(DimseStatus.CannotUnderstand));
        Assert.That(result.ErrorComment, Does.StartWith("Data set unreadable"));
        Assert.That(_node.InstanceFiles(), Is.Empty);
    }

    [Test]
    [Description("A peer that ends the data set in the middle of Pixel Data and still marks its last fragment: the header parses, the pixels do not, so C000 and nothing kept.")]
    public async Task Data_set_cut_in_pixel_data_gets_C000()
    {
        var whole = TestInstances.Encode(TestInstances.Dataset(Study, Series, Sop));
        var cut = whole[..^3];

        var result = await _node.Handler.StoreAsync(Request(Sop), new MemoryStream(cut), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(DimseStatus.CannotUnderstand));
        Assert.That(result.ErrorComment, Does.StartWith("Data set unreadable"));
        Assert.That(_node.InstanceFiles(), Is.Empty);
        Assert.That(await _node.Jobs.GetStudyJobsAsync(Study), Is.Empty);
    }

    [Test]
    [Description("An instance over the whole-read limit is checked up to its Pixel Data and by its Pixel Data's length: accepted whole, C000 when cut short.")]
    public async Task Large_instance_checked_without_reading_pixels()
    {
        var dataset = TestInstances.Dataset(Study, Series, Sop);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, new byte[InstanceStore.WholeReadLimitBytes + 1024]);
        var whole = TestInstances.Encode(dataset);
        var cut = whole[..^2048];

        var stored = await _node.Handler.StoreAsync(Request(Sop), new MemoryStream(whole), CancellationToken.None);
        var truncated = await _node.Handler.StoreAsync(Request("1.2.3.99"), new MemoryStream(cut), CancellationToken.None);

        Assert.That(stored.Status, Is.EqualTo(DimseStatus.Success));
        Assert.That(_node.InstanceFiles(), Has.Count.EqualTo(1));
        Assert.That(truncated.Status, Is.EqualTo(DimseStatus.CannotUnderstand));
        Assert.That(truncated.ErrorComment, Does.StartWith("Data set unreadable"));
    }

    [Test]
    [Description("The staging folder deleted while the node runs is created again, with a warning, and the instance is stored.")]
    public async Task Deleted_staging_folder_is_recreated()
    {
        Directory.Delete(_node.Instances.StagingFolder, recursive: true);

        var result = await StoreAsync(Request(Sop), TestInstances.Dataset(Study, Series, Sop));

        Assert.That(result.Status, Is.EqualTo(DimseStatus.Success));
        Assert.That(_node.InstanceFiles(), Has.Count.EqualTo(1));
        Assert.That(_node.Logs.Count(3010), Is.EqualTo(1));
    }

    [Test]
    [Description("A writer disposed before completion, as after an abort mid-data set: the staging folder is empty again and no job exists.")]
    public async Task Writer_disposed_early_leaves_nothing()
    {
        var encoded = TestInstances.Encode(TestInstances.Dataset(Study, Series, Sop));

        using (var writer = _node.Handler.Begin(Request(Sop)))
        {
            writer.Write(encoded.AsSpan(0, encoded.Length / 2));
            Assert.That(Directory.GetFiles(_node.Instances.StagingFolder), Has.Length.EqualTo(1), "the staging file exists while the data set arrives");
        }

        Assert.That(Directory.GetFiles(_node.Instances.StagingFolder), Is.Empty);
        Assert.That(_node.InstanceFiles(), Is.Empty);
        Assert.That(await _node.Jobs.GetStudyJobsAsync(Study), Is.Empty);
    }

    [Test]
    [Description("A job store that fails (here: its tables were never created) must not leave a file that no job records.")]
    public async Task Job_store_failure_gets_A700_and_deletes_file()
    {
        using var broken = new SqliteJobStore(Path.Combine(_node.Folder, "uninitialized.db"), TimeSpan.FromSeconds(1), NullLogger.Instance);
        var handler = new StoreScpHandler(_node.Instances, _node.DiskSpace, broken, TimeProvider.System, _node.Logs.CreateLogger<StoreScpHandler>());

        var result = await handler.StoreAsync(Request(Sop), new MemoryStream(TestInstances.Encode(TestInstances.Dataset(Study, Series, Sop))), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(DimseStatus.OutOfResources));
        Assert.That(result.ErrorComment, Does.Contain("Job store"));
        Assert.That(_node.InstanceFiles(), Is.Empty);
        Assert.That(_node.Logs.Lines, Has.One.StartsWith("Error").And.Contains(" 3006 ").And.Contains(nameof(JobStoreException)));
    }

    [Test]
    [Description("A file in place that no job records, as a stop between rename and record leaves, is replaced by the new copy, which is then recorded.")]
    public async Task Unrecorded_file_is_replaced_and_recorded()
    {
        var target = Path.Combine(_node.InstancesRoot, Study, Series, Sop + ".dcm");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllTextAsync(target, "left over");

        var result = await StoreAsync(Request(Sop), TestInstances.Dataset(Study, Series, Sop));

        var instances = await _node.Jobs.GetStudyInstancesAsync(Study);
        Assert.That(result.Status, Is.EqualTo(DimseStatus.Success));
        Assert.That(DicomFile.Open(target).Dataset.GetUid(DicomTags.SOPInstanceUID), Is.EqualTo(Sop));
        Assert.That(instances.Select(instance => instance.RelativePath), Is.EqualTo(new[] { $"{Study}/{Series}/{Sop}.dcm" }));
        Assert.That(_node.InstanceFiles(), Is.EqualTo(new[] { $"{Study}/{Series}/{Sop}.dcm" }));
    }

    [Test]
    [Description("The same SOP Instance UID under another series is still a duplicate of the study; the new copy is not kept.")]
    public async Task Duplicate_in_other_series_is_not_kept()
    {
        await StoreAsync(Request(Sop), TestInstances.Dataset(Study, Series, Sop));

        var result = await StoreAsync(Request(Sop), TestInstances.Dataset(Study, Study + ".2", Sop));

        var job = (await _node.Jobs.GetStudyJobsAsync(Study)).Single();
        Assert.That(result.Status, Is.EqualTo(DimseStatus.Success));
        Assert.That(_node.InstanceFiles(), Is.EqualTo(new[] { $"{Study}/{Series}/{Sop}.dcm" }));
        Assert.That(job.DuplicateCount, Is.EqualTo(1));
    }

    [Test]
    [Description("The length recorded is the file's, header included, and the file starts with the Part 10 preamble and DICM.")]
    public async Task Recorded_instance_matches_file()
    {
        await StoreAsync(Request(Sop), TestInstances.Dataset(Study, Series, Sop));

        var path = Path.Combine(_node.InstancesRoot, Study, Series, Sop + ".dcm");
        var bytes = await File.ReadAllBytesAsync(path);
        var audit = (await _node.Jobs.GetAuditAsync(Study)).Single();
        Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 128, 4), Is.EqualTo("DICM"));
        Assert.That(audit.Detail, Does.Contain($"{bytes.Length} bytes"));
        Assert.That(audit.Peer, Is.EqualTo("MODALITY@10.0.0.7"));
    }

    private static DicomStoreRequest Request(string sopInstanceUid) => new(
        new DicomAssociationInfo("7", "MODALITY", IngestNode.AeTitle, new IPEndPoint(IPAddress.Parse("10.0.0.7"), 50000)),
        TestInstances.CtImageStorage,
        sopInstanceUid,
        DicomTransferSyntax.ExplicitVRLittleEndian,
        1,
        0);

    private async Task<DicomStoreResult> StoreAsync(DicomStoreRequest request, DicomDataset dataset) =>
        await _node.Handler.StoreAsync(request, new MemoryStream(TestInstances.Encode(dataset)), CancellationToken.None).AsTask().WaitAsync(IngestNode.Guard);
}
