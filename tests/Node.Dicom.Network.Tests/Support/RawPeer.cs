using System.Net;
using System.Net.Sockets;
using Node.Dicom.Network.Association;
using Node.Dicom.Network.Pdus;
using Node.Dicom.Uids;

namespace Node.Dicom.Network.Tests.Support;

/// <summary>A scripted byte-level peer: sends raw bytes and reads whole PDUs, every wait bounded by <see cref="TestServers.Guard"/>.</summary>
internal sealed class RawPeer : IDisposable
{
    private const string ImplicitLittle = "1.2.840.10008.1.2";

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

    /// <summary>
    /// Connects and negotiates an association as calling AE SCU with two contexts in Implicit VR
    /// Little Endian: 1 for Verification and 3 for CT Image Storage, with a maximum PDU of 16,384.
    /// </summary>
    public static async Task<RawPeer> AssociateAsync(IPEndPoint server)
    {
        var peer = await ConnectAsync(server);
        await peer.SendAsync(new AAssociateRq
        {
            CalledAeTitle = "AINODE",
            CallingAeTitle = "SCU",
            PresentationContexts =
            [
                new PresentationContextRequestItem { Id = 1, AbstractSyntax = DicomUids.Verification, TransferSyntaxes = [ImplicitLittle] },
                new PresentationContextRequestItem { Id = 3, AbstractSyntax = DicomStorageSopClasses.CTImage, TransferSyntaxes = [ImplicitLittle] },
            ],
            UserInformation = new UserInformationItem { MaxPduLength = 16384 },
        });
        Assert.That(await peer.ReceiveAsync(), Is.TypeOf<AAssociateAc>());
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
