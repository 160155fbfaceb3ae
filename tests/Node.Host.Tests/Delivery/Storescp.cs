using System.Globalization;

namespace Node.Host.Tests.Delivery;

/// <summary>DCMTK's storescp as a destination on a loopback port chosen before it starts, so a test can send before it listens.</summary>
internal static class Storescp
{
    public const string AeTitle = "STORESCP";

    /// <summary>Longest storescp may run in one test before it is killed by PID.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    /// <summary>Fails or ignores the test, per the peer rule, where storescp is not on PATH.</summary>
    public static string RequireProgram() => Peers.RequireProgram("storescp", "dcmtk");

    /// <summary>
    /// Starts storescp on <paramref name="port"/>, storing each received instance under a file name
    /// of its own in <paramref name="folder"/> (so an instance received twice leaves two files),
    /// and waits until it listens. <paramref name="options"/> go before the others, such as TLS options.
    /// </summary>
    public static async Task<BackgroundProcess> StartAsync(string folder, int port, params string[] options)
    {
        var process = BackgroundProcess.Start(RequireProgram(), Limit, [.. options, "--verbose", "-aet", AeTitle, "--output-directory", folder, "+uf", port.ToString(CultureInfo.InvariantCulture)]);
        await process.WaitForPortAsync(port);
        return process;
    }

    /// <summary>Counts the associations storescp accepted, from its verbose output; the bare TCP connection that checks the port is not one.</summary>
    public static int Associations(BackgroundProcess process) =>
        process.Output.Split('\n').Count(line => line.Contains("Association Acknowledged", StringComparison.Ordinal));
}
