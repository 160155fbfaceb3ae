using System.Collections.Concurrent;
using Node.Dicom.Network.Server;

namespace Node.Dicom.Network.Tests.Support;

/// <summary>An inline store handler that records every fragment and every call on its writers, and fails where a test sets a failure.</summary>
internal sealed class RecordingInlineHandler : IDicomInlineStoreHandler
{
    /// <summary>One entry per instance begun, in order.</summary>
    public ConcurrentQueue<Writer> Writers { get; } = new();

    /// <summary>Thrown by <see cref="Begin"/> where set.</summary>
    public Exception? BeginFailure { get; set; }

    /// <summary>Thrown by the first write at or past this many bytes where set.</summary>
    public (long AfterBytes, Exception Failure)? WriteFailure { get; set; }

    /// <summary>Signalled when a writer's first fragment arrives.</summary>
    public TaskCompletionSource FirstFragment { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Signalled when a writer is disposed.</summary>
    public TaskCompletionSource Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask<DicomStoreResult> StoreAsync(DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken) =>
        DicomInstanceWriters.StoreAsync(this, request, dataSet, cancellationToken);

    public IDicomInstanceWriter Begin(DicomStoreRequest request)
    {
        if (BeginFailure is { } failure)
        {
            throw failure;
        }

        var writer = new Writer(this, request);
        Writers.Enqueue(writer);
        return writer;
    }

    internal sealed class Writer(RecordingInlineHandler handler, DicomStoreRequest request) : IDicomInstanceWriter
    {
        private readonly MemoryStream _bytes = new();

        public DicomStoreRequest Request { get; } = request;

        public byte[] Bytes => _bytes.ToArray();

        public int Fragments { get; private set; }

        public int Completions { get; private set; }

        public int Disposals { get; private set; }

        public void Write(ReadOnlySpan<byte> fragment)
        {
            if (handler.WriteFailure is { } failure && _bytes.Length + fragment.Length >= failure.AfterBytes)
            {
                throw failure.Failure;
            }

            _bytes.Write(fragment);
            Fragments++;
            handler.FirstFragment.TrySetResult();
        }

        public ValueTask<DicomStoreResult> CompleteAsync(CancellationToken cancellationToken)
        {
            Completions++;
            return ValueTask.FromResult(DicomStoreResult.Success);
        }

        public void Dispose()
        {
            Disposals++;
            handler.Disposed.TrySetResult();
        }
    }
}
