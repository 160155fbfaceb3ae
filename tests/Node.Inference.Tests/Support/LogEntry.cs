using Microsoft.Extensions.Logging;

namespace Node.Inference.Tests.Support;

/// <summary>One captured log entry with its structured fields.</summary>
internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Fields);
