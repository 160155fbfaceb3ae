using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Node.Host.Tests.Cli;

/// <summary>
/// A program running in the background for one test (a receiver): output captured, stopped by
/// signals sent to its own PID, and killed by PID on dispose and after a time limit.
/// </summary>
internal sealed class BackgroundProcess : IDisposable
{
    /// <summary>Longest wait for the program to listen, or to exit after a stop signal.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

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

    public int Id => _process.Id;

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

    /// <summary>Starts a program; it is killed after <paramref name="limit"/> whatever the test does.</summary>
    public static BackgroundProcess Start(string program, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new BackgroundProcess(Process.Start(start)!, limit);
    }

    /// <summary>Starts a program as <paramref name="start"/> describes (working folder, environment), with its output captured; killed after <paramref name="limit"/>.</summary>
    public static BackgroundProcess Start(ProcessStartInfo start, TimeSpan limit)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return new BackgroundProcess(Process.Start(start)!, limit);
    }

    /// <summary>Whether the program has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Kills the program at once with SIGKILL, as a crash or the OOM killer would, and waits for it to end.</summary>
    public void KillHard()
    {
        Signal("KILL");
        _process.WaitForExit(WaitLimit);
    }

    /// <summary>Sends SIGTERM to the program's PID, as systemd does at stop.</summary>
    public void Terminate() => Signal("TERM");

    /// <summary>Returns a loopback port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until the program accepts TCP connections on <paramref name="port"/> of the loopback address, at most <see cref="WaitLimit"/>.</summary>
    public async Task WaitForPortAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < WaitLimit && !_process.HasExited)
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

        Assert.Fail($"The program did not listen on port {port}: {Output}");
    }

    /// <summary>Sends SIGINT to the program's PID, as Ctrl+C in a terminal would.</summary>
    public void Interrupt() => Signal("INT");

    /// <summary>Waits for the program to exit and returns its exit code; fails the test after <see cref="WaitLimit"/>.</summary>
    public int WaitForExit()
    {
        if (!_process.WaitForExit(WaitLimit))
        {
            Assert.Fail($"The program did not exit within {WaitLimit.TotalSeconds} s: {Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        _guard.Dispose();
        Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
    }

    private void Signal(string signal)
    {
        var result = Ainode.RunProgram("kill", "-s", signal, _process.Id.ToString(CultureInfo.InvariantCulture));
        Assert.That(result.ExitCode, Is.Zero, $"kill -s {signal} {_process.Id}: {result.Error}");
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
