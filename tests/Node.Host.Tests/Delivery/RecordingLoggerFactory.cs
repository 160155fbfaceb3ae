using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Node.Host.Tests.Delivery;

/// <summary>
/// Writes every log line to the test output with a timestamp, and keeps the event ids so a test
/// can count them or wait for one.
/// </summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    /// <summary>Every line logged so far: event id, level and text.</summary>
    private readonly ConcurrentQueue<(int EventId, LogLevel Level, string Text)> _lines = new();

    /// <summary>Waiters for an event id, completed by the next line with that id.</summary>
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _waiters = new();

    public IReadOnlyList<(int EventId, LogLevel Level, string Text)> Lines => [.. _lines];

    public int Count(int eventId) => _lines.Count(line => line.EventId == eventId);

    /// <summary>Completes once a line with <paramref name="eventId"/> has been logged, counting lines already logged.</summary>
    public Task WaitForAsync(int eventId)
    {
        var waiter = _waiters.GetOrAdd(eventId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (Count(eventId) > 0)
        {
            waiter.TrySetResult();
        }

        return waiter.Task;
    }

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(this, categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void Dispose()
    {
    }

    private void Record(int eventId, LogLevel level, string text)
    {
        _lines.Enqueue((eventId, level, text));
        if (_waiters.TryGetValue(eventId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    private sealed class RecordingLogger(RecordingLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception);
            if (exception is not null)
            {
                text += $" | {exception.GetType().Name}: {exception.Message}";
            }

            factory.Record(eventId.Id, logLevel, text);
            TestContext.Progress.WriteLine($"{Clock.Elapsed.TotalSeconds,8:0.000} {logLevel,-11} {category} [{eventId.Id}] {text}");
        }
    }
}
