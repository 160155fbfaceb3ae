using Node.Dicom.Network.Dimse;

namespace Node.Host.Ingest;

/// <summary>An incoming instance that the instance store will not keep, with the C-STORE status that says why.</summary>
public sealed class InstanceRejectedException : Exception
{
    /// <param name="status">A failure status of the Storage service (see <see cref="DimseStatus"/>).</param>
    /// <param name="reason">Names the offending value and the rule it breaks; sent as Error Comment, which the network layer cuts to 64 characters, so the rule comes first.</param>
    public InstanceRejectedException(ushort status, string reason)
        : base($"Instance rejected with {DimseStatus.Describe(status)}: {reason}")
    {
        Status = status;
        Reason = reason;
    }

    /// <summary>The C-STORE-RSP status.</summary>
    public ushort Status { get; }

    /// <summary>The rule broken and the value, for the Error Comment (0000,0902) and the log.</summary>
    public string Reason { get; }
}
