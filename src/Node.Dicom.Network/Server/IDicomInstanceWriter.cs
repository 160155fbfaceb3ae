namespace Node.Dicom.Network.Server;

/// <summary>
/// Takes one C-STORE data set fragment by fragment on the connection's read loop, for an
/// <see cref="IDicomInlineStoreHandler"/>. The server calls <see cref="Write"/> for each fragment
/// in order, then <see cref="CompleteAsync"/> once the last one has arrived, and
/// <see cref="IDisposable.Dispose"/> in every case, last.
/// </summary>
/// <remarks>
/// Where <see cref="Write"/> throws, the server disposes the writer, reads and drops the rest of
/// the data set, and responds with the status for the exception (A7xx for a file system fault).
/// Where the association ends before the last fragment, the writer is only disposed: it must then
/// drop what it wrote.
/// </remarks>
public interface IDicomInstanceWriter : IDisposable
{
    /// <summary>
    /// Takes the next fragment of the data set, exactly as received. The bytes are valid only during
    /// the call. It runs on the read loop, so the peer's next bytes wait for it: it must not wait on
    /// anything but the local disk.
    /// </summary>
    void Write(ReadOnlySpan<byte> fragment);

    /// <summary>Finishes the instance after its last fragment and returns the status for the response.</summary>
    /// <param name="cancellationToken">Cancelled when the association aborts.</param>
    ValueTask<DicomStoreResult> CompleteAsync(CancellationToken cancellationToken);
}
