namespace Node.Host.Delivery;

/// <summary>
/// The C-ECHO that tests a destination when its circuit half-opens failed. Not a
/// <see cref="Node.Dicom.Network.Errors.DicomNetworkException"/>, so the retry strategy lets it
/// through and the circuit breaker opens the circuit again at once.
/// </summary>
internal sealed class DestinationProbeFailedException : Exception
{
    public DestinationProbeFailedException(string destination, Exception innerException)
        : base($"The C-ECHO probe of destination '{destination}' failed: {innerException.Message}", innerException)
    {
    }
}
