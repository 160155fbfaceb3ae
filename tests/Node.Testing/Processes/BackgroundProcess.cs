using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Node.Testing;

/// <summary>
/// A program running in the background for one test or fixture (a receiver, a peer, Orthanc, the
/// node), with its output captured. Signals stop it by its own PID, and it is killed by PID on
/// dispose and after a time limit whatever the test does.
/// </summary>
public sealed class BackgroundProcess : IDisposable
{
    /// <summary>Longest wait for the program to listen on its port.</summary>
    public static readonly TimeSpan ListenLimit = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait for the program to exit after a stop signal.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    /// <summary>Pause between two connection attempts while waiting for the program to listen.</summary>
    private static readonly TimeSpan ConnectRetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait for the program to end after it was killed on dispose.</summary>
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(10);

    private readonly Process _process;

    /// <summary>Standard output and standard error so far, interleaved by line; also the lock for itself.</summary>
    private readonly StringBuilder _output = new();

    /// <summary>Kills the program once its time limit has passed.</summary>
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

    /// <summary>Starts a program with its output captured; it is killed after <paramref name="limit"/> whatever the test does.</summary>
    public static BackgroundProcess Start(string program, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Start(start, limit);
    }

    /// <summary>Starts a program as <paramref name="start"/> describes (working folder, environment), with its output captured; killed after <paramref name="limit"/>.</summary>
    public static BackgroundProcess Start(ProcessStartInfo start, TimeSpan limit)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return new BackgroundProcess(Process.Start(start)!, limit);
    }

    /// <summary>
    /// Waits until the program accepts TCP connections on <paramref name="port"/> of 127.0.0.1;
    /// fails the test with the output after <see cref="ListenLimit"/> or when the program exits.
    /// </summary>
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
                await Task.Delay(ConnectRetryDelay);
            }
        }

        Assert.Fail($"The program (PID {Id}, exited: {_process.HasExited}) did not listen on 127.0.0.1:{port}. Output:\n{Output}");
    }

    /// <summary>Sends SIGINT to the program's PID, as Ctrl+C in a terminal would.</summary>
    public void Interrupt() => Signal("INT");

    /// <summary>Sends SIGTERM to the program's PID, as systemd does at stop.</summary>
    public void Terminate() => Signal("TERM");

    /// <summary>Kills the program at once with SIGKILL, as a crash or the OOM killer would, and waits for it to end.</summary>
    public void KillHard()
    {
        Signal("KILL");
        _process.WaitForExit(WaitLimit);
    }

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

    /// <summary>Kills the program by its PID and waits for it to end.</summary>
    public void Dispose()
    {
        _guard.Dispose();
        Kill();
        _process.WaitForExit(ExitLimit);
        _process.Dispose();
    }

    private void Signal(string signal)
    {
        var pid = _process.Id.ToString(CultureInfo.InvariantCulture);
        var result = ProgramRun.Run("kill", "-s", signal, pid);
        Assert.That(result.ExitCode, Is.Zero, $"kill -s {signal} {pid}: {result.Error}");
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
