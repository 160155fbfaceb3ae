namespace Node.Dicom.Network.Server;

/// <summary>Helpers for <see cref="IDicomInlineStoreHandler"/> implementations.</summary>
public static class DicomInstanceWriters
{
    /// <summary>Bytes read from a stream per <see cref="IDicomInstanceWriter.Write"/> in <see cref="StoreAsync"/>: 256 KiB, the default maximum PDU length.</summary>
    private const int StreamReadLength = 256 * 1024;

    /// <summary>Returns a writer that drops every fragment and completes with <paramref name="result"/>.</summary>
    public static IDicomInstanceWriter Reject(DicomStoreResult result) => new RejectingWriter(result);

    /// <summary>
    /// Stores one instance from a stream through the handler's writer: begin, write the stream to its
    /// end, complete, then dispose the writer. This is the stream form of an inline handler.
    /// </summary>
    public static async ValueTask<DicomStoreResult> StoreAsync(IDicomInlineStoreHandler handler, DicomStoreRequest request, Stream dataSet, CancellationToken cancellationToken)
    {
        using var writer = handler.Begin(request);
        var buffer = new byte[StreamReadLength];
        int read;
        while ((read = await dataSet.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            writer.Write(buffer.AsSpan(0, read));
        }

        return await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The writer of an instance rejected before its data set.</summary>
    private sealed class RejectingWriter(DicomStoreResult result) : IDicomInstanceWriter
    {
        public void Write(ReadOnlySpan<byte> fragment)
        {
        }

        public ValueTask<DicomStoreResult> CompleteAsync(CancellationToken cancellationToken) => ValueTask.FromResult(result);

        public void Dispose()
        {
        }
    }
}
