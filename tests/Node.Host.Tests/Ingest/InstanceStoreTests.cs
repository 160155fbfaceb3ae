using Microsoft.Extensions.Logging.Abstractions;
using Node.Host.Ingest;

namespace Node.Host.Tests.Ingest;

/// <summary>The instance store's start-up and the disk guard's real free-space reading.</summary>
[TestFixture]
public sealed class InstanceStoreTests
{
    private string _root = null!;

    [SetUp]
    public void CreateFolder() => _root = Directory.CreateTempSubdirectory("ainode-instances-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    [Test]
    [Description("A file left in the staging folder by a stopped process never got a success status, so the next start deletes it.")]
    public void New_store_deletes_staging_leftovers()
    {
        var staging = Directory.CreateDirectory(Path.Combine(_root, InstanceStore.StagingFolderName)).FullName;
        var leftover = Path.Combine(staging, "1.2.3.abc" + InstanceStore.TemporaryExtension);
        File.WriteAllText(leftover, "partial");
        var stored = Directory.CreateDirectory(Path.Combine(_root, "1.2", "1.2.1")).FullName;
        File.WriteAllText(Path.Combine(stored, "1.2.1.1.dcm"), "stored");

        _ = new InstanceStore(_root, NullLogger.Instance);

        Assert.That(File.Exists(leftover), Is.False);
        Assert.That(File.Exists(Path.Combine(stored, "1.2.1.1.dcm")), Is.True);
    }

    [Test]
    [Description("The storage root is a folder, not a mount point; DriveInfo must still read its volume.")]
    public void Volume_reading_returns_free_bytes()
    {
        var read = DiskSpaceGuard.ForVolumeOf(_root);

        var free = read();

        Assert.That(free, Is.GreaterThan(0));
    }
}
