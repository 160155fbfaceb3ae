using Node.Dicom.Network.Dimse;

namespace Node.Dicom.Network.Errors;

/// <summary>A DIMSE response carried a failure status.</summary>
public sealed class DicomStatusException : DicomNetworkException
{
    public DicomStatusException(string operation, ushort status, string? errorComment = null)
        : base($"{operation} failed with status {DimseStatus.Describe(status)}{(errorComment is null ? "" : ": " + errorComment)}.")
    {
        Operation = operation;
        Status = status;
        ErrorComment = errorComment;
    }

    /// <summary>The DIMSE operation, for example "C-STORE".</summary>
    public string Operation { get; }

    public ushort Status { get; }

    /// <summary>The Error Comment (0000,0902) of the response, where the peer sent one.</summary>
    public string? ErrorComment { get; }

    /// <summary>Out of resources (A7xx) and resource limitation (0213) may clear; other failures repeat.</summary>
    public override bool IsTransient => DimseStatus.IsOutOfResources(Status) || Status == DimseStatus.ResourceLimitation;
}
