namespace Node.Dicom.Network.Errors;

/// <summary>
/// Base type of every fault of the DICOM network layer: a peer's reject or abort, a protocol
/// violation, a failure status, a timeout or a lost connection. Caller misuse raises the standard
/// argument exceptions instead, and cancellation raises <see cref="OperationCanceledException"/>.
/// </summary>
public class DicomNetworkException : Exception
{
    public DicomNetworkException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// True where the same operation may succeed when tried again later (a busy peer, a lost
    /// connection, a timeout); false where a retry would meet the same answer.
    /// </summary>
    public virtual bool IsTransient => false;
}
