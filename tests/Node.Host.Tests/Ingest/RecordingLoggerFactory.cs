using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Node.Host.Tests.Ingest;

/// <summary>Keeps every log line, with its scopes, for asserts, and writes it to the test output with a timestamp.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Every line so far: level, category, scopes, message and any exception message.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(this, categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        TestContext.Progress.WriteLine($"{Clock.Elapsed.TotalSeconds,8:0.000} {line}");
    }

    private sealed class RecordingLogger(RecordingLoggerFactory factory, string category) : ILogger
    {
        private static readonly AsyncLocal<string?> Scope = new();

        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            var previous = Scope.Value;
            var text = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(pair => $"{pair.Key}={pair.Value}"))
                : state.ToString();
            Scope.Value = previous is null ? text : $"{previous} {text}";
            return new Restore(previous);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel,-11} {category} {eventId.Id} [{Scope.Value}] {formatter(state, exception)}";
            if (exception is not null)
            {
                line += $" | {exception.GetType().Name}: {exception.Message}";
            }

            factory.Add(line);
        }

        private sealed class Restore(string? previous) : IDisposable
        {
            public void Dispose() => Scope.Value = previous;
        }
    }
}
