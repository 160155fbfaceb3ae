using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Node.Dicom.Network.Tests.Support;

/// <summary>A peer program running in the background for one test, killed by PID on dispose and after a time limit.</summary>
internal sealed class PeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Timer _guard;

    private PeerProcess(Process process, TimeSpan limit)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _guard = new Timer(_ => Kill(), null, limit, Timeout.InfiniteTimeSpan);
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a program; it is killed after <paramref name="limit"/> whatever the test does.</summary>
    public static PeerProcess Start(string program, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new PeerProcess(Process.Start(start)!, limit);
    }

    /// <summary>Returns a loopback port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until the program accepts TCP connections on <paramref name="port"/>, at most 100 tries 50 ms apart.</summary>
    public async Task WaitForPortAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        Assert.Fail($"The peer did not listen on port {port}: {Output}");
    }

    public void Dispose()
    {
        _guard.Dispose();
        Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
