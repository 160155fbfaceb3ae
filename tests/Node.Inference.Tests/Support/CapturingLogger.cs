using Microsoft.Extensions.Logging;

namespace Node.Inference.Tests.Support;

/// <summary>A logger that keeps every entry, and writes it to the test output with a timestamp.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        var entry = new LogEntry(logLevel, eventId, formatter(state, exception), exception, fields.ToDictionary(pair => pair.Key, pair => pair.Value));
        lock (_entries)
        {
            _entries.Add(entry);
        }

        TestContext.Progress.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} [{eventId.Id}] {entry.Message}");
    }
}
