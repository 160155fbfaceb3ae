namespace Node.Dicom.Network.Errors;

/// <summary>
/// The association was accepted but holds no presentation context for what the caller wants to
/// send, or the caller's request would propose no context at all.
/// </summary>
public sealed class DicomNegotiationException : DicomNetworkException
{
    public DicomNegotiationException(string message)
        : base(message)
    {
    }
}
