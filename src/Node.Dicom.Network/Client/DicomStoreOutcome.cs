using Node.Dicom.Network.Dimse;

namespace Node.Dicom.Network.Client;

/// <summary>What became of one instance the client was asked to send.</summary>
/// <param name="Path">The file, where the instance came from one.</param>
/// <param name="SopClassUid">The instance's SOP class, where it could be read.</param>
/// <param name="SopInstanceUid">The instance's SOP instance, where it could be read.</param>
/// <param name="Status">The peer's C-STORE-RSP status; null where no response came (not sent, or the association ended).</param>
/// <param name="Error">Why the instance was not sent or failed, or the peer's Error Comment; null on plain success.</param>
public sealed record DicomStoreOutcome(string? Path, string? SopClassUid, string? SopInstanceUid, ushort? Status, string? Error)
{
    public bool IsSuccess => Status == DimseStatus.Success;

    public bool IsWarning => Status is { } status && DimseStatus.IsWarning(status);

    /// <summary>True where the instance was stored, with or without a warning.</summary>
    public bool IsStored => IsSuccess || IsWarning;
}
