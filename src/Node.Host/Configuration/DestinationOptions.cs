using Node.Dicom.Network.Pdus;
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

    /// <summary>DICOM over TLS to this peer; off by default.</summary>
    public DestinationTlsOptions Tls { get; set; } = new();

    /// <summary>Adds one message per invalid setting, with keys under <paramref name="key"/>.</summary>
    public void Validate(List<string> errors, string key)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 64)
        {
            errors.Add($"{key}:{nameof(Name)} = \"{Name}\" is invalid; expected 1 to 64 characters.");
        }

        if (Uri.CheckHostName(Host) == UriHostNameType.Unknown)
        {
            errors.Add($"{key}:{nameof(Host)} = \"{Host}\" is invalid; expected a host name or IP address.");
        }

        SettingChecks.Range(errors, $"{key}:{nameof(Port)}", Port, 1, 65535);
        CheckAeTitle(errors, $"{key}:{nameof(CalledAeTitle)}", CalledAeTitle);
        CheckAeTitle(errors, $"{key}:{nameof(CallingAeTitle)}", CallingAeTitle);
        Tls.Validate(errors, $"{key}:{nameof(Tls)}");
    }

    private static void CheckAeTitle(List<string> errors, string key, string value)
    {
        if (!PduText.IsValidAeTitle(value.Trim(' ')))
        {
            errors.Add($"{key} = \"{value}\" is invalid; expected 1 to 16 printable ASCII characters without '\\'.");
        }
    }
}
