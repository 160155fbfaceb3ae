namespace Node.Dicom.Network.Errors;

/// <summary>
/// A read, write, connect or response wait ran past its deadline. The inner exception is a
/// <see cref="TimeoutException"/>; cancellation by the caller raises <see cref="OperationCanceledException"/> instead.
/// </summary>
public sealed class DicomNetworkTimeoutException : DicomNetworkException
{
    public DicomNetworkTimeoutException(string operation, TimeSpan timeout)
        : base($"{operation} timed out after {timeout.TotalSeconds:0.###} s.", new TimeoutException($"{operation} timed out after {timeout.TotalSeconds:0.###} s."))
    {
        Operation = operation;
        Timeout = timeout;
    }

    /// <summary>What was waited for, for example "Write PDU" or "Wait for A-ASSOCIATE-AC".</summary>
    public string Operation { get; }

    public TimeSpan Timeout { get; }

    public override bool IsTransient => true;
}
