using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Node.Testing;

/// <summary>
/// Writes library logs to the test output with a timestamp, and keeps each line with its event id
/// and open scopes so a test can assert on it, count it or wait for it.
/// </summary>
public sealed class TestLoggerFactory : ILoggerFactory
{
    /// <summary>A factory shared by tests that only want logs in the test output; it keeps no lines, so a whole run can share it.</summary>
    public static readonly TestLoggerFactory OutputOnly = new(LogLevel.Debug, keepLines: false);

    /// <summary>Seconds since the first log of the test run, printed before each line.</summary>
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    /// <summary>Every line kept so far, in logging order.</summary>
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>Waiters for an event id, completed by the first line with that id.</summary>
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _waiters = new();

    private readonly bool _keepLines;

    /// <summary>Creates a factory that keeps every line at <paramref name="minimumLevel"/> or above.</summary>
    /// <param name="minimumLevel">The lowest level logged; lower levels report as disabled and are dropped.</param>
    /// <param name="keepLines">Whether to keep lines for <see cref="Entries"/>, <see cref="Count"/> and <see cref="WaitForAsync"/>; output is written either way.</param>
    public TestLoggerFactory(LogLevel minimumLevel = LogLevel.Debug, bool keepLines = true)
    {
        MinimumLevel = minimumLevel;
        _keepLines = keepLines;
    }

    public LogLevel MinimumLevel { get; }

    /// <summary>Every line kept so far, in logging order.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Every line kept so far as text, in the form of <see cref="LogEntry.ToString"/>.</summary>
    public IReadOnlyList<string> Lines => [.. _entries.Select(entry => entry.ToString())];

    /// <summary>Returns how many lines with <paramref name="eventId"/> have been kept.</summary>
    public int Count(int eventId) => _entries.Count(entry => entry.EventId == eventId);

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

    public ILogger CreateLogger(string categoryName) => new TestLogger(this, categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        if (_keepLines)
        {
            _entries.Enqueue(entry);
            if (_waiters.TryGetValue(entry.EventId, out var waiter))
            {
                waiter.TrySetResult();
            }
        }

        TestContext.Progress.WriteLine($"{Clock.Elapsed.TotalSeconds,8:0.000} {entry}");
    }

    private sealed class TestLogger(TestLoggerFactory factory, string category) : ILogger
    {
        /// <summary>The scopes open in the current async flow, shared by every logger so nested scopes of different categories add up.</summary>
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

        public bool IsEnabled(LogLevel logLevel) => logLevel >= factory.MinimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var text = formatter(state, exception);
            if (exception is not null)
            {
                text += $" | {exception.GetType().Name}: {exception.Message}";
            }

            factory.Add(new LogEntry(logLevel, category, eventId.Id, Scope.Value ?? string.Empty, text));
        }

        private sealed class Restore(string? previous) : IDisposable
        {
            public void Dispose() => Scope.Value = previous;
        }
    }
}
