using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Node.Dicom.Network.Tests.Support;

/// <summary>Writes library logs to the test output with a timestamp, the level, the category's last part and the open scopes.</summary>
internal sealed class TestLoggerFactory : ILoggerFactory
{
    public static readonly TestLoggerFactory Instance = new();

    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => new TestLogger(categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void Dispose()
    {
    }

    private sealed class TestLogger(string category) : ILogger
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

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{Clock.Elapsed.TotalSeconds,8:0.000} {logLevel,-11} {category} [{Scope.Value}] {formatter(state, exception)}";
            if (exception is not null)
            {
                line += $" | {exception.GetType().Name}: {exception.Message}";
            }

            TestContext.Progress.WriteLine(line);
        }

        private sealed class Restore(string? previous) : IDisposable
        {
            public void Dispose() => Scope.Value = previous;
        }
    }
}
