using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Node.Testing;

/// <summary>One line logged through a <see cref="TestLoggerFactory"/>.</summary>
/// <param name="Level">The line's log level.</param>
/// <param name="Category">The last dot-separated part of the logger's category, usually the class name.</param>
/// <param name="EventId">The numeric event id, 0 where the caller gave none.</param>
/// <param name="Scopes">The open scopes, outermost first, as space-separated <c>Key=Value</c> pairs; empty where none is open.</param>
/// <param name="Text">The formatted message, followed by <c>| ExceptionType: message</c> where an exception was logged.</param>
public sealed record LogEntry(LogLevel Level, string Category, int EventId, string Scopes, string Text)
{
    /// <summary>Returns the line as <c>Level Category EventId [Scopes] Text</c>, the level padded to 11 characters.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Level,-11} {Category} {EventId} [{Scopes}] {Text}");
}
