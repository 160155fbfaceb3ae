using Node.Dicom.Network.Dimse;

namespace Node.Dicom.Network.Server;

/// <summary>A handler's result for one C-STORE: the status for the response and an optional Error Comment.</summary>
/// <param name="Status">A Storage status (see <see cref="DimseStatus"/>).</param>
/// <param name="ErrorComment">Sent as Error Comment (0000,0902) with a warning or failure, cut to 64 ASCII characters.</param>
public readonly record struct DicomStoreResult(ushort Status, string? ErrorComment = null)
{
    public static DicomStoreResult Success { get; } = new(DimseStatus.Success);
}
