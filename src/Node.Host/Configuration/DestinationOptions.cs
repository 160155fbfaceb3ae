using Node.Dicom.Network.Server;

namespace Node.Host.Configuration;

/// <summary>One DICOM peer that receives every report (usually the PACS that sent the study).</summary>
public sealed class DestinationOptions
{
    /// <summary>Name used in logs, the audit table and the delivery records; unique among destinations.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Host name or IP address of the peer.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>TCP port of the peer. Default 104.</summary>
    public int Port { get; set; } = 104;

    /// <summary>The peer's AE title.</summary>
    public string CalledAeTitle { get; set; } = string.Empty;

    /// <summary>The AE title the node calls with. Default "AINODE".</summary>
    public string CallingAeTitle { get; set; } = DicomServerOptions.DefaultAeTitle;
}
