using System.Globalization;
using System.Text;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Host.Tests.Cli;

[TestFixture]
public sealed class SendCommandTests
{
    /// <summary>Uncompressed pydicom samples of several SOP classes, in Explicit and Implicit VR Little Endian; storescp accepts only uncompressed syntaxes by default.</summary>
    private static readonly string[] SampleNames = ["CT_small.dcm", "MR_small_implicit.dcm", "rtplan.dcm", "reportsi.dcm", "SC_rgb_small_odd.dcm"];

    private string _received = null!;
    private string _sources = null!;

    [SetUp]
    public void CreateFolders()
    {
        _received = Directory.CreateTempSubdirectory("ainode-send-received-").FullName;
        _sources = Directory.CreateTempSubdirectory("ainode-send-sources-").FullName;
    }

    [TearDown]
    public void DeleteFolders()
    {
        Directory.Delete(_received, recursive: true);
        Directory.Delete(_sources, recursive: true);
    }

    [Test]
    [Description("One sample named directly, the others found by searching a folder and its subfolder; all arrive and read back equal.")]
    public async Task Send_samples_arrive_at_storescp()
    {
        var samples = SampleNames.Select(Peers.PydicomSample).ToArray();
        var nested = Directory.CreateDirectory(Path.Combine(_sources, "series", "nested")).FullName;
        foreach (var (sample, index) in samples.Skip(1).Select((sample, index) => (sample, index)))
        {
            File.Copy(sample, Path.Combine(index % 2 == 0 ? _sources : nested, Path.GetFileName(sample)));
        }

        var (storescp, port) = await DcmtkStorescp.StartAsync(_received);
        using (storescp)
        {
            var result = Ainode.Run("send", samples[0], _sources, "--port", Text(port), "--called-ae", DcmtkStorescp.AeTitle);

            Assert.That(result.ExitCode, Is.Zero, result.Error + result.Output + storescp.Output);
            Assert.That(result.Output.TrimEnd().Split('\n'), Has.Length.EqualTo(1), result.Output);
            Assert.That(result.Output, Does.StartWith($"sent {samples.Length}, warnings 0, failed 0"));
            Assert.That(result.Error, Is.Empty);
        }

        var stored = Directory.GetFiles(_received).Select(path => DicomFile.Open(path)).ToDictionary(file => file.Dataset.GetUid(DicomTags.SOPInstanceUID)!);
        Assert.That(stored, Has.Count.EqualTo(samples.Length));
        foreach (var sample in samples)
        {
            var source = DicomFile.Open(sample);
            var uid = source.Dataset.GetUid(DicomTags.SOPInstanceUID)!;
            Assert.That(stored.ContainsKey(uid), Is.True, sample);
            Assert.That(DatasetDifferences.Between(source.Dataset, stored[uid].Dataset), Is.Empty, sample);
        }
    }

    [Test]
    [Description("Where the accepted syntax is the file's own, the data set is sent byte for byte as stored in the file. storescp +B stores what it receives, so its files end with the same bytes. A sample whose data set a new encoding changes shows that the check can fail.")]
    public async Task Send_keeps_data_set_bytes_unchanged()
    {
        var samples = SampleNames.Select(Peers.PydicomSample).ToArray();
        Assert.That(samples.Any(sample => !DataSetBytes(sample).SequenceEqual(Reencoded(sample))), Is.True, "no sample changes when encoded anew, so this test could not fail");

        var (storescp, port) = await DcmtkStorescp.StartBitPreservingAsync(_received);
        using (storescp)
        {
            var result = Ainode.Run(["send", .. samples, "--port", Text(port), "--called-ae", DcmtkStorescp.AeTitle]);

            Assert.That(result.ExitCode, Is.Zero, result.Error + result.Output + storescp.Output);
        }

        var stored = Directory.GetFiles(_received).ToDictionary(path => DicomFile.Open(path).Dataset.GetUid(DicomTags.SOPInstanceUID)!);
        foreach (var sample in samples)
        {
            var uid = DicomFile.Open(sample).Dataset.GetUid(DicomTags.SOPInstanceUID)!;
            Assert.That(DataSetBytes(stored[uid]).SequenceEqual(DataSetBytes(sample)), Is.True, sample);
        }
    }

    [Test]
    [Description("pydicom's deflated sample has an odd-length bitstream. storescp aborts the association on an odd PDV, so the data set must arrive padded to even length.")]
    public async Task Deflated_file_reaches_storescp()
    {
        var sample = Peers.PydicomSample("image_dfl.dcm");
        Assert.That(DataSetBytes(sample).Length % 2, Is.EqualTo(1), "the sample no longer has an odd-length bitstream, so this test could not fail");

        var (storescp, port) = await DcmtkStorescp.StartAsync(_received, LoopbackPorts.FindFree(), "+B", "+xd");
        using (storescp)
        {
            var result = Ainode.Run("send", sample, "--port", Text(port), "--called-ae", DcmtkStorescp.AeTitle);

            Assert.That(result.ExitCode, Is.Zero, result.Error + result.Output + storescp.Output);
        }

        var stored = Directory.GetFiles(_received).Single();
        Assert.That(DicomFile.Open(stored).TransferSyntax, Is.EqualTo(DicomTransferSyntax.DeflatedExplicitVRLittleEndian));
        Assert.That(DatasetDifferences.Between(DicomFile.Open(sample).Dataset, DicomFile.Open(stored).Dataset), Is.Empty);
        Assert.That(DataSetBytes(stored), Is.EqualTo(DataSetBytes(sample).Append((byte)0)), "the file's own bitstream and one pad byte");
    }

    [Test]
    [Description("A folder linked from inside itself is not followed, so each file goes once and the run succeeds; a link to a file is sent like the file.")]
    public async Task Linked_folder_is_not_followed()
    {
        var inner = Directory.CreateDirectory(Path.Combine(_sources, "inner")).FullName;
        File.Copy(Peers.PydicomSample("CT_small.dcm"), Path.Combine(inner, "CT_small.dcm"));
        Directory.CreateSymbolicLink(Path.Combine(inner, "up"), _sources);
        File.CreateSymbolicLink(Path.Combine(_sources, "mr.dcm"), Peers.PydicomSample("MR_small.dcm"));

        var (storescp, port) = await DcmtkStorescp.StartAsync(_received);
        using (storescp)
        {
            var result = Ainode.Run("send", _sources, "--port", Text(port), "--called-ae", DcmtkStorescp.AeTitle);

            Assert.That(result.ExitCode, Is.Zero, result.Error + result.Output);
            Assert.That(result.Output, Does.StartWith("sent 2, warnings 0, failed 0"));
        }
    }

    [Test]
    [Description("An option send does not know would otherwise be taken for a path that does not exist.")]
    public void Unknown_option_is_usage_error()
    {
        var result = Ainode.Run("send", Peers.PydicomSample("CT_small.dcm"), "--prot", "11112");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.StartWith("Unrecognized option '--prot'"));
    }

    [Test]
    [Description("A truncated file is reported on its own line and counted as failed; the good file is still sent.")]
    public async Task Send_reports_unreadable_file_and_continues()
    {
        var good = Peers.PydicomSample("CT_small.dcm");
        var truncated = Peers.PydicomSample("MR_truncated.dcm");
        var (storescp, port) = await DcmtkStorescp.StartAsync(_received);
        using (storescp)
        {
            var result = Ainode.Run("send", truncated, good, "--port", Text(port), "--called-ae", DcmtkStorescp.AeTitle);

            Assert.That(result.ExitCode, Is.EqualTo(1));
            var lines = result.Output.TrimEnd().Split('\n');
            Assert.That(lines, Has.Length.EqualTo(2), result.Output);
            Assert.That(lines[0], Does.StartWith($"{truncated}: not sent: "));
            Assert.That(lines[1], Does.StartWith("sent 1, warnings 0, failed 1"));
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Error, Does.StartWith($"ainode: C-STORE to {DcmtkStorescp.AeTitle} at 127.0.0.1:{port}: "));
        }

        Assert.That(Directory.GetFiles(_received), Has.Length.EqualTo(1));
    }

    [TestCase("../../x", Description = "A path in place of a UID.")]
    [TestCase("1.02.3", Description = "A component with a leading zero: the batch used to end at this file, with no summary.")]
    [Description("A file whose SOP Instance UID is not a valid UID cannot go into a C-STORE-RQ: it is reported as not sent, the other files go, and the exit status says not all succeeded.")]
    public async Task Invalid_uid_file_is_skipped_others_sent(string uid)
    {
        var hostile = Path.Combine(_sources, "hostile.dcm");
        var dataset = DicomFile.Open(Peers.PydicomSample("CT_small.dcm")).Dataset;
        dataset.SetBytes(DicomTags.SOPInstanceUID, DicomVR.UI, Encoding.ASCII.GetBytes(uid.Length % 2 == 0 ? uid : uid + "\0"));
        using (var output = File.Create(hostile))
        {
            DicomFile.WriteDataset(output, dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        }

        var (storescp, port) = await DcmtkStorescp.StartAsync(_received);
        using (storescp)
        {
            var result = Ainode.Run("send", hostile, Peers.PydicomSample("CT_small.dcm"), "--port", Text(port), "--called-ae", DcmtkStorescp.AeTitle);

            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Output, Does.Contain($"{hostile}: not sent: "));
            Assert.That(result.Output, Does.Contain($"SOP Instance UID '{uid}' is not a valid UID"));
            Assert.That(result.Output, Does.Contain("sent 1, warnings 0, failed 1"));
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), result.Error);
        }

        Assert.That(Directory.GetFiles(_received), Has.Length.EqualTo(1));
    }

    [Test]
    public void Send_to_closed_port_fails_in_one_line()
    {
        var port = LoopbackPorts.FindFree();

        var result = Ainode.Run("send", Peers.PydicomSample("CT_small.dcm"), "--port", Text(port));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(result.Error, Does.Contain("refused").IgnoreCase);
    }

    [Test]
    public void Send_of_missing_path_fails()
    {
        var result = Ainode.Run("send", "/nonexistent/folder");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Is.EqualTo("ainode: cannot send /nonexistent/folder: no such file or folder\n"));
    }

    [Test]
    public void Send_of_only_unreadable_files_names_one()
    {
        var path = Path.Combine(_received, "not-dicom.dcm");
        File.WriteAllText(path, "not DICOM");

        var result = Ainode.Run("send", path, "--port", Text(LoopbackPorts.FindFree()));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(result.Error, Does.Contain($"None of the files could be read, so no presentation context would be proposed. {path}: "));
    }

    [Test]
    public void Send_without_path_is_usage_error()
    {
        var result = Ainode.Run("send");

        Assert.That(result.ExitCode, Is.EqualTo(2));
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The file's bytes after its File Meta Information.</summary>
    private static byte[] DataSetBytes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes[(int)DicomFile.Read(bytes).DatasetOffset..];
    }

    /// <summary>The file's data set encoded anew in its own syntax.</summary>
    private static byte[] Reencoded(string path)
    {
        var file = DicomFile.Open(path);
        using var output = new MemoryStream();
        DicomFile.WriteDataset(output, file.Dataset, file.TransferSyntax);
        return output.ToArray();
    }
}
