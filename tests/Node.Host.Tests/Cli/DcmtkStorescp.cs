using System.Globalization;

namespace Node.Host.Tests.Cli;

/// <summary>Starts DCMTK's storescp on a free loopback port as the peer of <c>ainode echo</c> and <c>ainode send</c>.</summary>
internal static class DcmtkStorescp
{
    public const string AeTitle = "STORESCP";

    /// <summary>Longest storescp may run in one test before it is killed by PID.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(300);

    /// <summary>Starts storescp storing into <paramref name="folder"/> and waits until it listens.</summary>
    public static Task<(BackgroundProcess Process, int Port)> StartAsync(string folder) => StartAsync(folder, LoopbackPorts.FindFree());

    /// <summary>Starts storescp with <c>+B</c>, which writes each data set byte for byte as received, on a free loopback port.</summary>
    public static Task<(BackgroundProcess Process, int Port)> StartBitPreservingAsync(string folder) =>
        StartAsync(folder, LoopbackPorts.FindFree(), "+B");

    /// <summary>Starts storescp on a given loopback port, storing into <paramref name="folder"/>, and waits until it listens.</summary>
    public static async Task<(BackgroundProcess Process, int Port)> StartAsync(string folder, int port, params string[] options)
    {
        var program = Peers.RequireProgram("storescp", "dcmtk");
        string[] arguments = [.. options, "-aet", AeTitle, "--output-directory", folder, port.ToString(CultureInfo.InvariantCulture)];
        var process = BackgroundProcess.Start(program, Limit, arguments);
        await process.WaitForPortAsync(port);
        return (process, port);
    }
}
