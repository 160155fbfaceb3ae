using System.Collections.Concurrent;
using Node.Dicom.Network.Server;

namespace Node.Dicom.Network.Tests.Support;

/// <summary>A store handler that keeps every data set in memory, or writes Part 10 files to a folder, and returns a set status.</summary>
internal sealed class RecordingStoreHandler : IDicomStoreHandler
{
    public ConcurrentQueue<(DicomStoreRequest Request, byte[] DataSet)> Received { get; } = new();

    /// <summary>Where to write Part 10 files; null keeps data sets in memory only.</summary>
    public string? OutputFolder { get; init; }

    public DicomStoreResult Result { get; set; } = DicomStoreResult.Success;

    /// <summary>Waited before the handler returns, to model a slow disk.</summary>
    public TimeSpan Delay { get; set; }

    public async ValueTask<DicomStoreResult> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await dataSet.CopyToAsync(copy, cancellationToken);
        Received.Enqueue((request, copy.ToArray()));
        if (OutputFolder is not null)
        {
            copy.Position = 0;
            await using var file = File.Create(Path.Combine(OutputFolder, request.SopInstanceUid + ".dcm"));
            await DicomPart10Header.WriteFileAsync(request, copy, file, cancellationToken);
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        return Result;
    }
}
