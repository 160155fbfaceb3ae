using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Node.Dicom.IO;
using Node.Dicom.Network.Association;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Server;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Host.Storage;
using Node.Testing;

namespace Node.Host.Tests.Storage;

/// <summary>
/// The receiver's store handler called directly. The server rejects an invalid SOP Instance UID
/// before a handler receives it, so only a direct call shows that the handler checks it too.
/// </summary>
[TestFixture]
public sealed class Part10FolderStoreTests
{
    private const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    private string _root = null!;
    private string _folder = null!;

    [SetUp]
    public void CreateFolders()
    {
        _root = Directory.CreateTempSubdirectory("ainode-store-").FullName;
        _folder = Directory.CreateDirectory(Path.Combine(_root, "a", "b")).FullName;
    }

    [TearDown]
    public void DeleteFolders() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Leftover_partial_files_are_reported()
    {
        File.WriteAllText(Path.Combine(_folder, ".1.2.3.0123456789abcdef0123456789abcdef.partial"), "cut short");
        using var logs = new TestLoggerFactory();

        _ = new Part10FolderStore(_folder, logs.CreateLogger("store"));

        Assert.That(logs.Count(2005), Is.EqualTo(1));
        Assert.That(logs.Lines.Single(), Does.Contain($"1 incomplete file(s) named .*.partial found in {_folder}"));
        Assert.That(Directory.GetFiles(_folder), Has.Length.EqualTo(1), "the file stays: another receiver may be writing it");
    }

    [TestCase("../../x", Description = "A relative path out of the folder.")]
    [TestCase("/tmp/x", Description = "An absolute path.")]
    [TestCase("1.2..3", Description = "An empty component.")]
    [TestCase("1.2.3a", Description = "A letter.")]
    [TestCase("", Description = "Empty.")]
    [TestCase("1.02.3", Description = "A component with a leading zero, which a Part 10 header may not carry.")]
    [TestCase("1.222222222222222222222222222222222222222222222222222222222222222", Description = "65 characters, one more than a UID may have.")]
    public async Task Invalid_uid_is_rejected_and_not_written(string uid)
    {
        var store = new Part10FolderStore(_folder, NullLogger.Instance);

        var result = await store.StoreAsync(Request(uid), new MemoryStream([0x08, 0x00]), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(DimseStatus.InvalidSopInstance));
        Assert.That(Directory.GetFiles(_root, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    [Description("The longest valid UID, 64 characters, is a valid file name.")]
    public async Task Uid_of_64_characters_is_stored()
    {
        var uid = "1." + new string('2', 62);
        var store = new Part10FolderStore(_folder, NullLogger.Instance);

        var result = await store.StoreAsync(Request(uid), new MemoryStream(DataSet(uid)), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(DimseStatus.Success));
        Assert.That(File.Exists(Path.Combine(_folder, uid + ".dcm")), Is.True);
    }

    [Test]
    [Description("The stored file is the Part 10 header followed by the data set bytes unchanged, and no temporary file is left.")]
    public async Task Stored_file_holds_header_and_data_set()
    {
        const string uid = "1.2.3.4";
        var dataSet = DataSet(uid);
        var store = new Part10FolderStore(_folder, NullLogger.Instance);

        var result = await store.StoreAsync(Request(uid), new MemoryStream(dataSet), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(DimseStatus.Success));
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { Path.Combine(_folder, uid + ".dcm") }));
        var bytes = File.ReadAllBytes(Path.Combine(_folder, uid + ".dcm"));
        Assert.That(bytes.AsSpan(bytes.Length - dataSet.Length).SequenceEqual(dataSet), Is.True);
        var file = DicomFile.Open(Path.Combine(_folder, uid + ".dcm"));
        Assert.That(file.FileMetaInformation.GetUid(DicomTags.MediaStorageSOPInstanceUID), Is.EqualTo(uid));
        Assert.That(file.TransferSyntax, Is.EqualTo(DicomTransferSyntax.ExplicitVRLittleEndian));
    }

    [Test]
    [Description("A 1.2 MB data set that arrives in reads of 7,000 bytes crosses several writeback steps and is stored byte for byte.")]
    public async Task Large_data_set_in_small_reads_is_stored_whole()
    {
        const string uid = "1.2.3.6";
        var dataSet = WithPixelData(DataSet(uid), 1_200_000);
        var store = new Part10FolderStore(_folder, NullLogger.Instance);

        var result = await store.StoreAsync(Request(uid), new SmallReadStream(dataSet, 7_000), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(DimseStatus.Success));
        var bytes = File.ReadAllBytes(Path.Combine(_folder, uid + ".dcm"));
        Assert.That(bytes.AsSpan(bytes.Length - dataSet.Length).SequenceEqual(dataSet), Is.True);
        var file = DicomFile.Open(Path.Combine(_folder, uid + ".dcm"));
        Assert.That(file.Dataset.GetUid(DicomTags.SOPInstanceUID), Is.EqualTo(uid));
    }

    [Test]
    [Description("A data set cut short by an abort: the exception reaches the server, and neither the file nor its temporary file is left.")]
    public void Failed_transfer_leaves_no_file()
    {
        const string uid = "1.2.3.5";
        var store = new Part10FolderStore(_folder, NullLogger.Instance);

        Assert.ThrowsAsync<IOException>(async () => await store.StoreAsync(Request(uid), new FailingStream(), CancellationToken.None));

        Assert.That(Directory.GetFiles(_folder), Is.Empty);
    }

    [Test]
    [Description("The read loop's path: fragments go to the writer one by one, and completing it puts the file in place with the header and every byte.")]
    public async Task Writer_fragments_make_the_file()
    {
        const string uid = "1.2.3.6";
        var store = new Part10FolderStore(_folder, NullLogger.Instance);
        var dataSet = WithPixelData(DataSet(uid), 600_000);

        DicomStoreResult result;
        using (var writer = store.Begin(Request(uid)))
        {
            for (var offset = 0; offset < dataSet.Length; offset += 100_000)
            {
                writer.Write(dataSet.AsSpan(offset, Math.Min(100_000, dataSet.Length - offset)));
            }

            result = await writer.CompleteAsync(CancellationToken.None);
        }

        var path = Path.Combine(_folder, uid + ".dcm");
        Assert.That(result.Status, Is.EqualTo(DimseStatus.Success));
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { path }));
        Assert.That(File.ReadAllBytes(path)[^dataSet.Length..], Is.EqualTo(dataSet));
        Assert.That(DicomFile.Open(path).Dataset.GetUid(DicomTags.SOPInstanceUID), Is.EqualTo(uid));
    }

    [Test]
    [Description("A writer disposed before completion, as after an abort mid-data set, leaves neither the file nor its temporary file.")]
    public void Writer_disposed_early_leaves_nothing()
    {
        const string uid = "1.2.3.8";
        var store = new Part10FolderStore(_folder, NullLogger.Instance);

        using (var writer = store.Begin(Request(uid)))
        {
            writer.Write(DataSet(uid));
        }

        Assert.That(Directory.GetFiles(_folder), Is.Empty);
    }

    private static DicomStoreRequest Request(string uid) => new(
        new DicomAssociationInfo("1", "SCU", "AINODE", new IPEndPoint(IPAddress.Loopback, 1)),
        CtImageStorage,
        uid,
        DicomTransferSyntax.ExplicitVRLittleEndian,
        1,
        0);

    /// <summary>A small data set with the SOP class and instance, encoded as a C-STORE carries it.</summary>
    private static byte[] DataSet(string uid)
    {
        var dataset = new Node.Dicom.Data.DicomDataset();
        dataset.SetUid(DicomTags.SOPClassUID, CtImageStorage);
        dataset.SetUid(DicomTags.SOPInstanceUID, uid);
        using var output = new MemoryStream();
        DicomFile.WriteDataset(output, dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        return output.ToArray();
    }

    /// <summary>The data set followed by Pixel Data (7FE0,0010) OW of <paramref name="length"/> bytes of a repeating pattern, in Explicit VR Little Endian.</summary>
    private static byte[] WithPixelData(byte[] dataSet, int length)
    {
        byte[] header = [0xE0, 0x7F, 0x10, 0x00, (byte)'O', (byte)'W', 0, 0, .. BitConverter.GetBytes(length)];
        var pixels = Enumerable.Range(0, length).Select(index => (byte)(index % 251)).ToArray();
        return [.. dataSet, .. header, .. pixels];
    }

    /// <summary>Returns at most a fixed number of bytes per read, as a data set stream does when the sender's fragments are small.</summary>
    private sealed class SmallReadStream(byte[] bytes, int readLength) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, readLength)], cancellationToken);
    }

    /// <summary>Yields a few bytes, then fails as a data set stream does when the association aborts.</summary>
    private sealed class FailingStream : MemoryStream
    {
        private bool _sentSome;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_sentSome)
            {
                throw new IOException("The association aborted.");
            }

            _sentSome = true;
            buffer.Span[..4].Fill(0x08);
            return ValueTask.FromResult(4);
        }
    }
}
