using System.Collections.Concurrent;
using Node.Dicom.Network.Server;

namespace Node.Host.Tests.Delivery;

/// <summary>
/// A destination's store handler that responds to chosen SOP instances with chosen statuses, one per
/// request in turn (the last one repeats), and success for the rest; it counts every request.
/// </summary>
internal sealed class ScriptedStoreHandler : IDicomStoreHandler
{
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    /// <summary>The statuses for an instance, by SOP Instance UID, in request order.</summary>
    public Dictionary<string, DicomStoreResult[]> Script { get; } = new(StringComparer.Ordinal);

    /// <summary>C-STORE requests received for the instance.</summary>
    public int Requests(string sopInstanceUid) => _requests.GetValueOrDefault(sopInstanceUid);

    public async ValueTask<DicomStoreResult> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken)
    {
        await dataSet.CopyToAsync(Stream.Null, cancellationToken);
        var count = _requests.AddOrUpdate(request.SopInstanceUid, 1, (_, previous) => previous + 1);
        return Script.TryGetValue(request.SopInstanceUid, out var results)
            ? results[Math.Min(count, results.Length) - 1]
            : DicomStoreResult.Success;
    }
}
