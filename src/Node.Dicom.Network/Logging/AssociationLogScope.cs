using System.Collections;

namespace Node.Dicom.Network.Logging;

/// <summary>
/// The log scope of one server association: structured loggers (the JSON console formatter)
/// write its two fields as properties, and text loggers print "association ID from ADDRESS"
/// in place of a type name.
/// </summary>
internal sealed class AssociationLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _fields;

    public AssociationLogScope(string associationId, string? remoteEndPoint)
    {
        _fields = [new("AssociationId", associationId), new("RemoteEndPoint", remoteEndPoint)];
    }

    public int Count => _fields.Length;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"association {_fields[0].Value} from {_fields[1].Value ?? "unknown address"}";
}
