namespace Node.Dicom.Network.Errors;

/// <summary>The TCP or TLS connection could not be opened, or closed while a message was in flight.</summary>
public sealed class DicomConnectionException : DicomNetworkException
{
    public DicomConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public override bool IsTransient => true;
}
