using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Node.EndToEnd.Tests.Processes;

/// <summary>
/// A program running in the background for one fixture (Orthanc, the node): output captured,
/// killed by its own PID on dispose and after a time limit whatever the test does.
/// </summary>
internal sealed class BackgroundProcess : IDisposable
{
    /// <summary>Longest wait for the program to listen on its port.</summary>
    public static readonly TimeSpan ListenLimit = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait for the program to end after it was killed.</summary>
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Timer _guard;

    private BackgroundProcess(Process process, TimeSpan limit)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _guard = new Timer(_ => Kill(), null, limit, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The process id, by which the program is stopped.</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Standard output and standard error so far, interleaved by line.</summary>
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

    /// <summary>Starts a program as <paramref name="start"/> describes (working folder, environment), with its output captured; killed after <paramref name="limit"/>.</summary>
    public static BackgroundProcess Start(ProcessStartInfo start, TimeSpan limit)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return new BackgroundProcess(Process.Start(start)!, limit);
    }

    /// <summary>Returns a loopback port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until the program accepts TCP connections on <paramref name="port"/> of 127.0.0.1; fails the test with the output after <see cref="ListenLimit"/> or when the program exits.</summary>
    public async Task WaitForPortAsync(int port)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ListenLimit && !_process.HasExited)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail($"The program (PID {Id}, exited: {_process.HasExited}) did not listen on 127.0.0.1:{port}. Output:\n{Output}");
    }

    /// <summary>Kills the program by its PID and waits for it to end.</summary>
    public void Dispose()
    {
        _guard.Dispose();
        Kill();
        _process.WaitForExit(ExitLimit);
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
            // The program ended between the check and the kill.
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
