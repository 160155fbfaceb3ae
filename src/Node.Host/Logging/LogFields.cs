using System.Collections;
using System.Globalization;

namespace Node.Host.Logging;

/// <summary>
/// A log scope of named fields. Structured sinks (JSON) read the fields. The text console prints
/// the scope's <see cref="ToString"/>, which lists them as <c>Name=value</c> in place of a type name.
/// </summary>
internal sealed class LogFields : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _fields;

    public LogFields(params KeyValuePair<string, object?>[] fields) => _fields = fields;

    public int Count => _fields.Length;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    /// <summary>Returns a scope of a job and its study.</summary>
    public static LogFields Job(long jobId, string studyInstanceUid) => new(new("JobId", jobId), new("StudyInstanceUid", studyInstanceUid));

    /// <summary>Returns a scope of an instance and its study.</summary>
    public static LogFields Instance(string studyInstanceUid, string sopInstanceUid) => new(new("StudyInstanceUid", studyInstanceUid), new("SopInstanceUid", sopInstanceUid));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        string.Join(" ", _fields.Select(field => string.Create(CultureInfo.InvariantCulture, $"{field.Key}={field.Value}")));
}
