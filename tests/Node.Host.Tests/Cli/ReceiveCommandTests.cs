using System.Globalization;
using System.Text;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Host.Tests.Cli;

/// <summary><c>ainode receive</c> run as a process, fed by DCMTK's storescu and echoscu and by <c>ainode echo</c>.</summary>
[TestFixture]
public sealed class ReceiveCommandTests
{
    /// <summary>Uncompressed pydicom samples in Explicit and Implicit VR Little Endian, of several SOP classes.</summary>
    private static readonly string[] SampleNames = ["CT_small.dcm", "MR_small_implicit.dcm", "rtplan.dcm", "rtdose.dcm", "reportsi.dcm", "SC_rgb_small_odd.dcm"];

    /// <summary>Longest one receiver may run before it is killed by PID.</summary>
    private static readonly TimeSpan ReceiverLimit = TimeSpan.FromSeconds(120);

    private string _root = null!;
    private string _out = null!;

    [SetUp]
    public void CreateFolders()
    {
        _root = Directory.CreateTempSubdirectory("ainode-receive-").FullName;
        _out = Path.Combine(_root, "a", "b", "out");
    }

    [TearDown]
    public void DeleteFolders() => Directory.Delete(_root, recursive: true);

    [Test]
    [Description("storescu sends the samples; each is stored as SOPInstanceUID.dcm equal to the original, and SIGINT stops the receiver with exit code 0.")]
    public async Task Storescu_samples_are_stored_unchanged()
    {
        var storescu = Peers.RequireProgram("storescu", "dcmtk");
        var samples = SampleNames.Select(Peers.PydicomSample).ToArray();
        var (receiver, port) = await StartReceiverAsync();
        using (receiver)
        {
            var result = ProgramRun.Run(storescu, ["-aet", "STORESCU", "-aec", "AINODE", "127.0.0.1", Text(port), .. samples]);

            Assert.That(result.ExitCode, Is.Zero, result.Error + result.Output + receiver.Output);
            receiver.Interrupt();
            Assert.That(receiver.WaitForExit(), Is.Zero, receiver.Output);
        }

        Assert.That(Directory.GetFiles(_out), Has.Length.EqualTo(samples.Length));
        foreach (var sample in samples)
        {
            var source = DicomFile.Open(sample);
            var uid = source.Dataset.GetUid(DicomTags.SOPInstanceUID)!;
            var path = Path.Combine(_out, uid + ".dcm");
            Assert.That(File.Exists(path), Is.True, sample);
            var stored = DicomFile.Open(path);
            Assert.That(stored.FileMetaInformation.GetUid(DicomTags.MediaStorageSOPInstanceUID), Is.EqualTo(uid), sample);
            Assert.That(DatasetDifferences.Between(source.Dataset, stored.Dataset), Is.Empty, sample);
        }
    }

    [Test]
    [Description("dcmdump, an independent reader, parses every stored file as a valid Part 10 file.")]
    public async Task Stored_file_reads_in_dcmdump()
    {
        var storescu = Peers.RequireProgram("storescu", "dcmtk");
        var dcmdump = Peers.RequireProgram("dcmdump", "dcmtk");
        var sample = Peers.PydicomSample("CT_small.dcm");
        var (receiver, port) = await StartReceiverAsync();
        using (receiver)
        {
            ProgramRun.Run(storescu, "-aec", "AINODE", "127.0.0.1", Text(port), sample);
            receiver.Interrupt();
            receiver.WaitForExit();
        }

        var stored = Directory.GetFiles(_out).Single();
        var result = ProgramRun.Run(dcmdump, "--read-file-only", stored);
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Output, Does.Contain("(0002,0016) AE [STORESCU]"));
        Assert.That(result.Output, Does.Contain("CompressedSamples^CT1"));
    }

    [Test]
    public async Task Echoscu_succeeds_against_receiver()
    {
        var echoscu = Peers.RequireProgram("echoscu", "dcmtk");
        var (receiver, port) = await StartReceiverAsync();
        using (receiver)
        {
            var result = ProgramRun.Run(echoscu, "-aec", "AINODE", "127.0.0.1", Text(port));

            Assert.That(result.ExitCode, Is.Zero, result.Error + receiver.Output);
        }
    }

    [Test]
    [Description("The receiver rejects a called AE title other than its own; ainode echo names the reject reason in one line.")]
    public async Task Echo_with_wrong_called_ae_is_rejected()
    {
        var (receiver, port) = await StartReceiverAsync();
        using (receiver)
        {
            var result = Ainode.Run("echo", "--port", Text(port), "--called-ae", "SOMEONE");

            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Error, Does.Contain("rejected").IgnoreCase);
            Assert.That(result.Error, Does.Contain("called-AE-title-not-recognized (7)"), "the reason as PS3.8 Table 9-21 names it");
        }
    }

    [Test]
    [Description("A SOP Instance UID that is a relative path must not name a file: storescu gets 0117 (invalid SOP instance) and nothing is written anywhere under the test folder.")]
    public async Task Path_as_sop_instance_uid_is_rejected()
    {
        var storescu = Peers.RequireProgram("storescu", "dcmtk");
        var hostile = WriteDatasetWithInstanceUid("../../x");
        var (receiver, port) = await StartReceiverAsync();
        using (receiver)
        {
            var result = ProgramRun.Run(storescu, "-v", "-aec", "AINODE", "127.0.0.1", Text(port), hostile);

            Assert.That(result.Output + result.Error, Does.Contain("0x117").IgnoreCase, receiver.Output);
            receiver.Interrupt();
            Assert.That(receiver.WaitForExit(), Is.Zero, receiver.Output);
        }

        File.Delete(hostile);
        Assert.That(Directory.GetFiles(_root, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    [Description("A second receiver on a port already in use fails at once with one line on standard error, and leaves no --out folder it created.")]
    public async Task Receive_on_busy_port_fails_in_one_line()
    {
        var (receiver, port) = await StartReceiverAsync();
        using (receiver)
        {
            var newFolder = Path.Combine(_out, "not-yet");

            var result = Ainode.Run("receive", "--out", newFolder, "--port", Text(port), "--bind", "127.0.0.1");

            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Error, Does.StartWith($"ainode: cannot listen on 127.0.0.1:{port}: "));
            Assert.That(Directory.Exists(newFolder), Is.False);
        }
    }

    [Test]
    [Description("A value outside the option's list gets one line that names the option and the values it takes.")]
    public void Unknown_log_format_names_choices()
    {
        var result = Ainode.Run("receive", "--out", _out, "--log-format", "xml");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error.TrimEnd().Split('\n')[0], Is.EqualTo("--log-format 'xml' is not one of json, text."));
    }

    [Test]
    [Description("--log-format takes TEXT as text: the receiver starts and writes plain lines, not JSON.")]
    public async Task Log_format_ignores_case()
    {
        var port = LoopbackPorts.FindFree();
        using var receiver = Ainode.Start(ReceiverLimit, "receive", "--out", _out, "--port", Text(port), "--bind", "127.0.0.1", "--log-format", "TEXT");

        await receiver.WaitForPortAsync(port);
        receiver.Interrupt();

        Assert.That(receiver.WaitForExit(), Is.Zero, receiver.Output);
        Assert.That(receiver.Output, Does.Contain(" info: "));
        Assert.That(receiver.Output, Does.Not.Contain("{\""));
    }

    [Test]
    public void Receive_without_out_is_usage_error()
    {
        var result = Ainode.Run("receive");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--out"));
    }

    private async Task<(BackgroundProcess Process, int Port)> StartReceiverAsync()
    {
        var port = LoopbackPorts.FindFree();
        var receiver = Ainode.Start(ReceiverLimit, "receive", "--out", _out, "--port", Text(port), "--bind", "127.0.0.1", "--log-format", "text");
        await receiver.WaitForPortAsync(port);
        return (receiver, port);
    }

    /// <summary>
    /// Writes CT_small's data set with <paramref name="uid"/> as its SOP Instance UID, as a bare data
    /// set in Explicit VR Little Endian: the Part 10 writer would reject the invalid UID in the File
    /// Meta Information, and storescu reads files without it.
    /// </summary>
    private string WriteDatasetWithInstanceUid(string uid)
    {
        var dataset = DicomFile.Open(Peers.PydicomSample("CT_small.dcm")).Dataset;
        dataset.SetBytes(DicomTags.SOPInstanceUID, DicomVR.UI, Encoding.ASCII.GetBytes(uid));
        var path = Path.Combine(_root, "hostile.dcm");
        using var output = File.Create(path);
        DicomFile.WriteDataset(output, dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        return path;
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
