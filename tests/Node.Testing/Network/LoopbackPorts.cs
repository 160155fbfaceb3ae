using System.Net;
using System.Net.Sockets;

namespace Node.Testing;

/// <summary>TCP ports on 127.0.0.1 for one test's servers and peers.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// Returns a loopback port that was free a moment ago. Another process may take it before the
    /// caller binds it, so a test that starts a listener on it can still fail to bind.
    /// </summary>
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
