using System.Net;
using System.Net.Sockets;
using Node.Dicom.Network.Pdus;

namespace Node.Dicom.Network.Tests.Support;

/// <summary>
/// A peer that accepts one association, every context in the first transfer syntax proposed,
/// and then never reads again, so the sender's socket buffers fill and its writes block.
/// </summary>
internal sealed class StalledPeer : IDisposable
{
    /// <summary>Receive buffer of the accepted socket, in bytes: small, so the sender blocks after little data.</summary>
    private const int ReceiveBufferLength = 4096;

    /// <summary>Maximum Length announced in the A-ASSOCIATE-AC, in bytes.</summary>
    private const uint MaxPduLength = 16384;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private Socket? _accepted;

    public StalledPeer()
    {
        _listener.Server.ReceiveBufferSize = ReceiveBufferLength;
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Accepts the connection, reads the A-ASSOCIATE-RQ, sends the A-ASSOCIATE-AC and then stops reading.</summary>
    public async Task AcceptAndStallAsync()
    {
        _accepted = await _listener.AcceptSocketAsync().WaitAsync(TestServers.Guard);
        var stream = new NetworkStream(_accepted, ownsSocket: false);
        var request = (AAssociateRq)(await new PduReader(stream, 1024 * 1024).ReadAsync(CancellationToken.None).AsTask().WaitAsync(TestServers.Guard))!;
        var accept = new AAssociateAc
        {
            CalledAeTitle = request.CalledAeTitle,
            CallingAeTitle = request.CallingAeTitle,
            PresentationContexts = [.. request.PresentationContexts.Select(context => new PresentationContextResponseItem
            {
                Id = context.Id,
                Result = PresentationContextResult.Acceptance,
                TransferSyntax = context.TransferSyntaxes[0],
            })],
            UserInformation = new UserInformationItem { MaxPduLength = MaxPduLength },
        };
        await stream.WriteAsync(PduWriter.ToBytes(accept)).AsTask().WaitAsync(TestServers.Guard);
    }

    public void Dispose()
    {
        _accepted?.Dispose();
        _listener.Stop();
        _listener.Dispose();
    }
}
