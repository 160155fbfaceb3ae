using Node.Dicom.Network.Dimse;

namespace Node.Host.Delivery;

/// <summary>How the sender reads the status of a C-STORE response (PS3.4 B.2.3, PS3.7 Annex C).</summary>
internal static class DeliveryStatuses
{
    /// <summary>
    /// True for the failure statuses that describe the destination's state rather than the
    /// instance: Refused: out of resources (A700 to A7FF) and Failure: resource limitation (0213).
    /// The same instance may pass later, so the sender retries it. Every other failure status
    /// (A9xx, Cxxx, 0110, 0122, 0124 and the rest) would repeat on the same bytes and rejects the
    /// file at once.
    /// </summary>
    public static bool IsTransient(ushort status) => DimseStatus.IsOutOfResources(status) || status == DimseStatus.ResourceLimitation;

    /// <summary>True where the destination stored the instance: success or a warning.</summary>
    public static bool IsStored(ushort status) => DimseStatus.IsSuccess(status) || DimseStatus.IsWarning(status);
}
