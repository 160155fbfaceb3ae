using System.Net;
using System.Net.Sockets;
using Node.Dicom.Network.Pdus;

namespace Node.Dicom.Network.Tests.Support;

/// <summary>A scripted byte-level peer: sends raw bytes and reads whole PDUs, every wait bounded by <see cref="TestServers.Guard"/>.</summary>
internal sealed class RawPeer : IDisposable
{
    private readonly TcpClient _client = new() { NoDelay = true };

    private RawPeer()
    {
    }

    public NetworkStream Stream => _client.GetStream();

    public static async Task<RawPeer> ConnectAsync(IPEndPoint server)
    {
        var peer = new RawPeer();
        await peer._client.ConnectAsync(IPAddress.Loopback, server.Port).WaitAsync(TestServers.Guard);
        return peer;
    }

    public async Task SendAsync(byte[] bytes) => await Stream.WriteAsync(bytes).AsTask().WaitAsync(TestServers.Guard);

    public Task SendAsync(Pdu pdu) => SendAsync(PduWriter.ToBytes(pdu));

    /// <summary>Reads one PDU; null where the server closed the connection.</summary>
    public async Task<Pdu?> ReceiveAsync() =>
        await new PduReader(Stream, 16 * 1024 * 1024).ReadAsync(CancellationToken.None).AsTask().WaitAsync(TestServers.Guard);

    /// <summary>Reads until the server closes the connection, at most 1 MB, and returns whether it closed.</summary>
    public async Task<bool> WaitForCloseAsync()
    {
        var buffer = new byte[4096];
        var total = 0;
        try
        {
            while (total < 1024 * 1024)
            {
                var read = await Stream.ReadAsync(buffer).AsTask().WaitAsync(TestServers.Guard);
                if (read == 0)
                {
                    return true;
                }

                total += read;
            }
        }
        catch (IOException)
        {
            return true;
        }

        return false;
    }

    public void Dispose() => _client.Dispose();
}
