namespace Node.Dicom.Network.Server;

/// <summary>
/// A store handler that takes each data set on the connection's read loop, through an
/// <see cref="IDicomInstanceWriter"/>, in place of a stream read on a pool thread of its own.
/// Each fragment then goes from the receive buffer to the writer with no copy and no hand-over
/// between threads, which suits a handler that only writes the bytes to a file.
/// </summary>
/// <remarks>
/// The server uses <see cref="Begin"/> where the handler implements this interface.
/// <see cref="IDicomStoreHandler.StoreAsync"/> stays for callers that hold the data set as a
/// stream; <see cref="DicomInstanceWriters.StoreAsync"/> implements it with the writer.
/// </remarks>
public interface IDicomInlineStoreHandler : IDicomStoreHandler
{
    /// <summary>
    /// Starts one instance when its C-STORE-RQ has arrived, before its data set. A handler that
    /// rejects the instance before reading it returns <see cref="DicomInstanceWriters.Reject"/>.
    /// An exception gets the status for it, and the data set is read and dropped.
    /// </summary>
    IDicomInstanceWriter Begin(DicomStoreRequest request);
}
