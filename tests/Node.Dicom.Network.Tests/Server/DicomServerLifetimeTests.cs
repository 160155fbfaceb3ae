using System.Net;
using System.Net.Sockets;
using Node.Dicom.Network.Server;
using Node.Dicom.Network.Tests.Support;

namespace Node.Dicom.Network.Tests.Server;

/// <summary>Starting and stopping the server, apart from any association.</summary>
[TestFixture]
public sealed class DicomServerLifetimeTests
{
    [Test]
    [Description("A port already bound fails the start; disposing the server afterwards must not throw, since a host disposes every service it built.")]
    public void Dispose_after_failed_start_succeeds()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var server = new DicomServer(TestServers.Options(options => options.Port = port), new RecordingStoreHandler(), TestLoggerFactory.OutputOnly);

        Assert.ThrowsAsync<SocketException>(() => server.StartAsync());

        Assert.DoesNotThrowAsync(async () => await server.DisposeAsync());
        Assert.Throws<InvalidOperationException>(() => _ = server.LocalEndPoint);
    }

    [Test]
    [Description("After a failed start the server is as if never started, so a second start on a free port works.")]
    public async Task Start_after_failed_start_binds()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var options = TestServers.Options(settings => settings.Port = ((IPEndPoint)occupant.LocalEndpoint).Port);
        await using var server = new DicomServer(options, new RecordingStoreHandler(), TestLoggerFactory.OutputOnly);
        Assert.ThrowsAsync<SocketException>(() => server.StartAsync());
        occupant.Stop();

        await server.StartAsync();

        Assert.That(server.LocalEndPoint.Port, Is.EqualTo(options.Port));
    }
}
