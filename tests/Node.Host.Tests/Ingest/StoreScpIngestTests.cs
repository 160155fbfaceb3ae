using System.Text.RegularExpressions;
using Node.Dicom.IO;
using Node.Dicom.Network.Association;
using Node.Dicom.Network.Client;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Host.Jobs;

namespace Node.Host.Tests.Ingest;

/// <summary>
/// The node's ingest end to end. DCMTK's storescu pushes instances to the Store SCP service over
/// loopback, or our own client does where a case needs a command storescu cannot send. The tests
/// then check the files and the job store rows.
/// </summary>
[TestFixture]
public sealed class StoreScpIngestTests
{
    private const string Study = "1.2.826.0.1.3680043.8.498.10";
    private const string SeriesA = Study + ".1";
    private const string SeriesB = Study + ".2";

    private IngestNode _node = null!;
    private string _sendFolder = null!;

    [SetUp]
    public async Task CreateNode()
    {
        _node = await IngestNode.CreateAsync();
        _sendFolder = Directory.CreateDirectory(Path.Combine(_node.Folder, "send")).FullName;
    }

    [TearDown]
    public async Task DisposeNode() => await _node.DisposeAsync();

    [Test]
    [Description("Each instance becomes StudyUID/SeriesUID/SOPInstanceUID.dcm and a row of one receiving job; no temporary file stays.")]
    public async Task Storescu_study_lands_in_folders_and_store()
    {
        Storescu.Require();
        await _node.StartAsync();
        string[] files =
        [
            TestInstances.WriteFile(_sendFolder, Study, SeriesA, SeriesA + ".1"),
            TestInstances.WriteFile(_sendFolder, Study, SeriesA, SeriesA + ".2"),
            TestInstances.WriteFile(_sendFolder, Study, SeriesB, SeriesB + ".1"),
        ];
        string[] expected = [$"{Study}/{SeriesA}/{SeriesA}.1.dcm", $"{Study}/{SeriesA}/{SeriesA}.2.dcm", $"{Study}/{SeriesB}/{SeriesB}.1.dcm"];

        var (exitCode, output) = Storescu.Send("STORESCU", _node.Port, files);

        var jobs = await _node.Jobs.GetStudyJobsAsync(Study);
        var instances = await _node.Jobs.GetStudyInstancesAsync(Study);
        var audit = await _node.Jobs.GetAuditAsync(Study);
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(_node.InstanceFiles(), Is.EqualTo(expected));
        Assert.That(jobs, Has.Count.EqualTo(1));
        Assert.That(jobs[0].State, Is.EqualTo(JobState.Receiving));
        Assert.That(jobs[0].InstanceCount, Is.EqualTo(3));
        Assert.That(instances.Select(instance => instance.RelativePath), Is.EquivalentTo(expected));
        Assert.That(instances.Select(instance => instance.SopClassUid), Is.All.EqualTo(TestInstances.CtImageStorage));
        Assert.That(audit.Select(entry => entry.Peer), Is.All.EqualTo("STORESCU@127.0.0.1"));
        Assert.That(audit, Has.Count.EqualTo(3));
    }

    [Test]
    [Description("The stored file is a Part 10 file of the received data set, in the syntax the job store names.")]
    public async Task Stored_file_is_readable_part10()
    {
        Storescu.Require();
        await _node.StartAsync();
        var sop = SeriesA + ".1";

        var (exitCode, output) = Storescu.Send("STORESCU", _node.Port, TestInstances.WriteFile(_sendFolder, Study, SeriesA, sop));

        var stored = DicomFile.Open(Path.Combine(_node.InstancesRoot, Study, SeriesA, sop + ".dcm"));
        var instance = (await _node.Jobs.GetStudyInstancesAsync(Study)).Single();
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(stored.FileMetaInformation.GetUid(DicomTags.MediaStorageSOPInstanceUID), Is.EqualTo(sop));
        Assert.That(stored.FileMetaInformation.GetString(DicomTags.SourceApplicationEntityTitle), Is.EqualTo("STORESCU"));
        Assert.That(stored.TransferSyntax.Uid, Is.EqualTo(instance.TransferSyntaxUid));
        Assert.That(stored.Dataset.GetUid(DicomTags.SOPInstanceUID), Is.EqualTo(sop));
        Assert.That(stored.Dataset.GetString(DicomTags.PatientName), Is.EqualTo(TestInstances.PatientName));
    }

    [Test]
    [Description("A PACS that resends an instance gets success; the first copy stays and the job counts one duplicate.")]
    public async Task Duplicate_is_kept_once_and_counted()
    {
        Storescu.Require();
        await _node.StartAsync();
        var sop = SeriesA + ".1";
        var first = TestInstances.WriteFile(_sendFolder, Study, SeriesA, sop, seriesDescription: "first");
        var second = TestInstances.WriteFile(_sendFolder, Study, SeriesA, sop, seriesDescription: "second");

        var firstRun = Storescu.Send("STORESCU", _node.Port, first);
        var secondRun = Storescu.Send("STORESCU", _node.Port, second);

        var job = (await _node.Jobs.GetStudyJobsAsync(Study)).Single();
        var stored = DicomFile.Open(Path.Combine(_node.InstancesRoot, Study, SeriesA, sop + ".dcm"));
        Assert.That(firstRun.ExitCode, Is.Zero, firstRun.Output);
        Assert.That(secondRun.ExitCode, Is.Zero, secondRun.Output);
        Assert.That(_node.InstanceFiles(), Is.EqualTo(new[] { $"{Study}/{SeriesA}/{sop}.dcm" }));
        Assert.That(stored.Dataset.GetString(DicomTags.SeriesDescription), Is.EqualTo("first"));
        Assert.That(job.InstanceCount, Is.EqualTo(1));
        Assert.That(job.DuplicateCount, Is.EqualTo(1));
        Assert.That(_node.Logs.Lines, Has.One.Contains(" 3002 ").And.Contains(sop));
    }

    [TestCase("../../x", "0x117", Description = "A relative path out of the storage folder: 0117, invalid SOP instance.")]
    [TestCase("1.222222222222222222222222222222222222222222222222222222222222222", "DataSetDoesNotMatchSOPClass", Description = "65 characters, one more than a UID may have. storescu (DCMTK 3.6.7) cuts the command's UID to 64 characters, so the data set no longer matches the command: A900.")]
    public async Task Invalid_sop_instance_uid_is_rejected(string uid, string expectedStatus)
    {
        Storescu.Require();
        await _node.StartAsync();
        var file = TestInstances.WriteFile(_sendFolder, Study, SeriesA, uid);

        var (_, output) = Storescu.Send("STORESCU", _node.Port, file);

        Assert.That(output, Does.Match(@"Received Store Response \([^)]*" + Regex.Escape(expectedStatus)));
        Assert.That(_node.InstanceFiles(), Is.Empty);
        Assert.That(OtherFilesInTestFolder(), Is.Empty);
        Assert.That(File.Exists(Path.GetFullPath(Path.Combine(_node.InstancesRoot, InstanceStoreStaging, "../../x.dcm"))), Is.False);
        Assert.That(await _node.Jobs.GetStudyJobsAsync(Study), Is.Empty);
    }

    [Test]
    [Description("A data set without the SOP Instance UID the command names does not match it: A900, nothing kept.")]
    public async Task Data_set_without_command_uid_is_rejected()
    {
        await _node.StartAsync();
        var file = new DicomFile(TestInstances.Dataset(Study, SeriesA, sopInstance: null));
        file.FileMetaInformation.SetUid(DicomTags.MediaStorageSOPInstanceUID, SeriesA + ".1");

        var outcomes = await StoreAsync("MODALITY", file);

        Assert.That(outcomes[0].Status, Is.EqualTo(DimseStatus.DataSetDoesNotMatchSopClassError));
        Assert.That(outcomes[0].Error, Does.Contain("SOP Instance UID"));
        Assert.That(_node.InstanceFiles(), Is.Empty);
        Assert.That(await _node.Jobs.GetStudyJobsAsync(Study), Is.Empty);
    }

    [Test]
    public async Task Data_set_without_study_uid_is_rejected()
    {
        await _node.StartAsync();
        var file = new DicomFile(TestInstances.Dataset(study: null, SeriesA, SeriesA + ".1"));

        var outcomes = await StoreAsync("MODALITY", file);

        Assert.That(outcomes[0].Status, Is.EqualTo(DimseStatus.DataSetDoesNotMatchSopClassError));
        Assert.That(outcomes[0].Error, Does.Contain("Study Instance UID missing"));
        Assert.That(_node.InstanceFiles(), Is.Empty);
    }

    [Test]
    [Description("The disk reaches the margin during a study: later instances get A700, earlier ones stay stored and recorded, and the warning is logged once.")]
    public async Task Disk_margin_reached_mid_study_rejects_rest()
    {
        await _node.StartAsync();
        var files = Enumerable.Range(1, 4).Select(index => new DicomFile(TestInstances.Dataset(Study, SeriesA, $"{SeriesA}.{index}"))).ToArray();

        var outcomes = await StoreAsync("MODALITY", files, afterEach: LowerFreeSpaceAfterSecond);

        Assert.That(outcomes.Select(outcome => outcome.Status), Is.EqualTo(new ushort?[] { DimseStatus.Success, DimseStatus.Success, DimseStatus.OutOfResources, DimseStatus.OutOfResources }));
        Assert.That(outcomes[2].Error, Does.Contain("50 MiB").And.Contain($"{IngestNode.MarginMegabytes} MiB"));
        Assert.That(_node.InstanceFiles(), Is.EqualTo(new[] { $"{Study}/{SeriesA}/{SeriesA}.1.dcm", $"{Study}/{SeriesA}/{SeriesA}.2.dcm" }));
        Assert.That((await _node.Jobs.GetStudyInstancesAsync(Study)).Select(instance => instance.SopInstanceUid), Is.EqualTo(new[] { $"{SeriesA}.1", $"{SeriesA}.2" }));
        Assert.That(_node.Logs.Lines, Has.One.Contains(" 3004 "));
    }

    [Test]
    [Description("With allowed peers set, a calling AE title not among them is rejected at association; an allowed one stores.")]
    public async Task Unknown_calling_ae_is_rejected()
    {
        Storescu.Require();
        await _node.StartAsync(options => options.AllowedPeers = [new DicomAllowedPeer("MODALITY")]);
        var file = TestInstances.WriteFile(_sendFolder, Study, SeriesA, SeriesA + ".1");

        var stranger = Storescu.Send("INTRUDER", _node.Port, file);
        var strangerFiles = _node.InstanceFiles();
        var allowed = Storescu.Send("MODALITY", _node.Port, file);

        Assert.That(stranger.ExitCode, Is.Not.Zero);
        Assert.That(stranger.Output, Does.Contain("Calling AE Title Not Recognized").IgnoreCase);
        Assert.That(strangerFiles, Is.Empty);
        Assert.That(allowed.ExitCode, Is.Zero, allowed.Output);
        Assert.That(_node.InstanceFiles(), Has.Count.EqualTo(1));
    }

    [Test]
    [Description("Patient name, ID and birth date are in every instance, and in no log line.")]
    public async Task Logs_hold_no_patient_data()
    {
        await _node.StartAsync();
        var files = new[] { new DicomFile(TestInstances.Dataset(Study, SeriesA, SeriesA + ".1")), new DicomFile(TestInstances.Dataset(Study, SeriesA, SeriesA + ".1")), new DicomFile(TestInstances.Dataset(Study, null, SeriesA + ".2")) };

        await StoreAsync("MODALITY", files);

        var text = string.Join('\n', _node.Logs.Lines);
        Assert.That(text, Does.Contain(SeriesA + ".1"));
        Assert.That(text, Does.Not.Contain(TestInstances.PatientName));
        Assert.That(text, Does.Not.Contain(TestInstances.PatientId));
        Assert.That(text, Does.Not.Contain(TestInstances.PatientBirthDate));
    }

    private void LowerFreeSpaceAfterSecond(int index)
    {
        if (index == 1)
        {
            _node.FreeBytes = 50L * 1024 * 1024;
        }
    }

    private const string InstanceStoreStaging = Node.Host.Ingest.InstanceStore.StagingFolderName;

    private async Task<List<DicomStoreOutcome>> StoreAsync(string callingAeTitle, DicomFile file) => await StoreAsync(callingAeTitle, [file]);

    /// <summary>Sends the files over one association of our own client, calling <paramref name="afterEach"/> with each index after its response.</summary>
    private async Task<List<DicomStoreOutcome>> StoreAsync(string callingAeTitle, DicomFile[] files, Action<int>? afterEach = null)
    {
        var client = new DicomClient(new DicomClientOptions { Host = "127.0.0.1", Port = _node.Port, CalledAeTitle = IngestNode.AeTitle, CallingAeTitle = callingAeTitle }, _node.Logs);
        await using var association = await client.OpenAssociationAsync(DicomClient.Propose([(TestInstances.CtImageStorage, DicomTransferSyntax.ExplicitVRLittleEndian)])).WaitAsync(IngestNode.Guard);
        var outcomes = new List<DicomStoreOutcome>();
        for (var index = 0; index < files.Length; index++)
        {
            outcomes.Add(await association.StoreAsync(files[index]).WaitAsync(IngestNode.Guard));
            afterEach?.Invoke(index);
        }

        await association.ReleaseAsync().WaitAsync(IngestNode.Guard);
        return outcomes;
    }

    /// <summary>Files in the test folder other than the files sent and the job store's database.</summary>
    private IEnumerable<string> OtherFilesInTestFolder() =>
        Directory.GetFiles(_node.Folder, "*", SearchOption.AllDirectories)
            .Where(path => !path.StartsWith(_sendFolder, StringComparison.Ordinal) && !Path.GetFileName(path).StartsWith("jobs.db", StringComparison.Ordinal));
}
