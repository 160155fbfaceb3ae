using Microsoft.Extensions.Logging.Abstractions;
using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Network.Client;
using Node.Dicom.Network.Errors;
using Node.Dicom.Network.Server;
using Node.Dicom.Network.Tests.Support;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.Network.Tests.Endurance;

/// <summary>
/// Connections that never end, and many short ones: the server and client must close what they
/// opened, keep memory flat, and give up on a peer that stops reading.
/// </summary>
[TestFixture]
[Category("Endurance")]
public sealed class EnduranceTests
{
    /// <summary>Bound on a whole endurance test: generous, since the build machines are shared.</summary>
    private static readonly TimeSpan WholeTestBound = TimeSpan.FromMinutes(10);

    [Test]
    [Description("10,000 associate, echo, release cycles against the server in-process leave managed memory where it was, and every connection closed.")]
    public async Task Echo_cycles_leave_memory_flat()
    {
        const int cycles = 10_000;
        const int warmUpCycles = 200;
        const long allowedGrowthBytes = 16 * 1024 * 1024;
        await using var server = new DicomServer(TestServers.Options(), new RecordingStoreHandler(), NullLoggerFactory.Instance);
        await server.StartAsync();
        var client = new DicomClient(new DicomClientOptions { Host = "127.0.0.1", Port = server.LocalEndPoint.Port, CalledAeTitle = "AINODE" });

        // Warm up, so that JIT-compiled code, pools and caches count in both measurements.
        await EchoManyAsync(client, warmUpCycles).WaitAsync(WholeTestBound);
        await WaitForNoConnectionsAsync(server);
        var before = SettledManagedMemory();

        await EchoManyAsync(client, cycles).WaitAsync(WholeTestBound);
        await WaitForNoConnectionsAsync(server);
        var after = SettledManagedMemory();

        TestContext.Progress.WriteLine($"Managed memory after {warmUpCycles} cycles: {before:N0} bytes; after {cycles} more: {after:N0} bytes");
        Assert.That(server.OpenConnections, Is.Zero);
        Assert.That(server.ActiveAssociations, Is.Zero);
        Assert.That(after - before, Is.LessThan(allowedGrowthBytes), $"managed memory went from {before:N0} to {after:N0} bytes");
    }

    [Test]
    [Description("300 connections that send nothing are all closed by the server once ARTIM expires, and the server still serves.")]
    public async Task Idle_connections_closed_after_artim()
    {
        const int connections = 300;
        await using var server = new DicomServer(
            TestServers.Options(options => options.ArtimTimeout = TimeSpan.FromSeconds(2)),
            new RecordingStoreHandler(),
            NullLoggerFactory.Instance);
        await server.StartAsync();

        var peers = new List<RawPeer>();
        try
        {
            for (var i = 0; i < connections; i++)
            {
                peers.Add(await RawPeer.ConnectAsync(server.LocalEndPoint));
            }

            var closed = await Task.WhenAll(peers.Select(peer => peer.WaitForCloseAsync()));

            Assert.That(closed, Has.All.True);
            await WaitForNoConnectionsAsync(server);
            Assert.That(server.OpenConnections, Is.Zero);
        }
        finally
        {
            peers.ForEach(peer => peer.Dispose());
        }

        var client = new DicomClient(new DicomClientOptions { Host = "127.0.0.1", Port = server.LocalEndPoint.Port, CalledAeTitle = "AINODE" });
        await client.EchoAsync().WaitAsync(TestServers.Guard);
    }

    [Test]
    [Description("A peer that accepts the association and then stops reading: sending a 50 MB instance fails with a write timeout instead of hanging.")]
    public async Task Send_to_stalled_peer_times_out()
    {
        var writeTimeout = TimeSpan.FromSeconds(2);
        using var peer = new StalledPeer();
        var client = new DicomClient(new DicomClientOptions
        {
            Host = "127.0.0.1",
            Port = peer.Port,
            CalledAeTitle = "STALLED",
            WriteTimeout = writeTimeout,
            DimseTimeout = TimeSpan.FromMinutes(5),
        });
        var accepting = peer.AcceptAndStallAsync();
        var file = LargeSecondaryCapture();

        await using var association = await client.OpenAssociationAsync([new DicomPresentationContextProposal(SecondaryCaptureImageStorage, [DicomTransferSyntax.ExplicitVRLittleEndian])]).WaitAsync(TestServers.Guard);
        await accepting;

        var failure = await CatchAsync(() => association.StoreAsync(file).WaitAsync(TestServers.Guard));

        Assert.That(failure, Is.TypeOf<DicomNetworkTimeoutException>(), failure?.ToString());
        Assert.That(((DicomNetworkTimeoutException)failure!).Timeout, Is.EqualTo(writeTimeout));
    }

    private const string SecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7";

    private static async Task EchoManyAsync(DicomClient client, int cycles)
    {
        for (var i = 0; i < cycles; i++)
        {
            await client.EchoAsync();
        }
    }

    /// <summary>Waits until the server has removed every connection; each ends on its own task after the release.</summary>
    private static async Task WaitForNoConnectionsAsync(DicomServer server)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (server.OpenConnections > 0 && waited.Elapsed < TestServers.Guard)
        {
            await Task.Delay(50);
        }
    }

    private static long SettledManagedMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<Exception?> CatchAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    /// <summary>A Secondary Capture instance of 50 MB: 5000 x 5000 pixels of 16 bits, pixel values irrelevant.</summary>
    private static DicomFile LargeSecondaryCapture()
    {
        const int side = 5000;
        var dataset = new DicomDataset();
        dataset.SetUid(DicomTags.SOPClassUID, SecondaryCaptureImageStorage);
        dataset.SetUid(DicomTags.SOPInstanceUID, "2.25.50000000000000000000");
        dataset.SetInt32(DicomTags.Rows, side);
        dataset.SetInt32(DicomTags.Columns, side);
        dataset.SetInt32(DicomTags.BitsAllocated, 16);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, new byte[side * side * 2]);
        return new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
    }
}
