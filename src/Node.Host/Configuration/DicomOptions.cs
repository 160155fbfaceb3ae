using System.Globalization;
using System.Net;
using Node.Dicom.Network.Association;
using Node.Dicom.Network.Pdus;
using Node.Dicom.Network.Server;
using Node.Dicom.Uids;

namespace Node.Host.Configuration;

/// <summary>Settings of the node's DICOM listener (Store SCP and Verification SCP), configuration section "Dicom".</summary>
public sealed class DicomOptions
{
    public const string SectionName = "Dicom";

    /// <summary>The node's AE title; an association whose called AE title differs is rejected. Default "AINODE".</summary>
    public string AeTitle { get; set; } = DicomServerOptions.DefaultAeTitle;

    /// <summary>Local IP address to listen on. Default "0.0.0.0" (every IPv4 address).</summary>
    public string BindAddress { get; set; } = IPAddress.Any.ToString();

    /// <summary>TCP port to listen on, 1 to 65535. Default 11112.</summary>
    public int Port { get; set; } = DicomServerOptions.DefaultPort;

    /// <summary>Maximum PDU length the node receives, in bytes, 4096 to 67108864. Default 262144.</summary>
    public int MaxPduLength { get; set; } = DicomServerOptions.DefaultMaxPduLength;

    /// <summary>Simultaneous associations; one more is rejected as transient. Default 32.</summary>
    public int MaxAssociations { get; set; } = DicomServerOptions.DefaultMaxAssociations;

    /// <summary>Calling AE titles accepted; empty accepts every calling AE title. Default empty.</summary>
    public List<AllowedCallerOptions> AllowedCallers { get; set; } = [];

    /// <summary>Whether compressed transfer syntaxes (JPEG, RLE and others) are accepted for storage and stored as received. Default false.</summary>
    public bool AcceptCompressedTransferSyntaxes { get; set; }

    /// <summary>How long the node waits for an association request or release answer (the ARTIM timer). Default 30 s.</summary>
    public TimeSpan AssociationRequestTimeout { get; set; } = DicomServerOptions.DefaultArtimTimeout;

    /// <summary>How long an association may stay silent before the node aborts it. Default 60 s.</summary>
    public TimeSpan IdleTimeout { get; set; } = DicomServerOptions.DefaultIdleTimeout;

    /// <summary>How long, at stop, running associations may go on before they are aborted. Default 10 s.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = DicomServerOptions.DefaultShutdownGracePeriod;

    /// <summary>DICOM over TLS on the listener; off by default.</summary>
    public DicomTlsOptions Tls { get; set; } = new();

    /// <summary>Returns one message per invalid setting, naming its key, value and allowed values.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!PduText.IsValidAeTitle(AeTitle.Trim(' ')))
        {
            errors.Add($"{SectionName}:{nameof(AeTitle)} = \"{AeTitle}\" is invalid; expected 1 to 16 printable ASCII characters without '\\'.");
        }

        if (!IPAddress.TryParse(BindAddress, out _))
        {
            errors.Add($"{SectionName}:{nameof(BindAddress)} = \"{BindAddress}\" is not an IP address; expected one such as 0.0.0.0 or 127.0.0.1.");
        }

        SettingChecks.Range(errors, $"{SectionName}:{nameof(Port)}", Port, 1, 65535);
        SettingChecks.Range(errors, $"{SectionName}:{nameof(MaxPduLength)}", MaxPduLength, DicomServerOptions.MinMaxPduLength, DicomServerOptions.MaxMaxPduLength);
        SettingChecks.Range(errors, $"{SectionName}:{nameof(MaxAssociations)}", MaxAssociations, 1, 10_000);
        SettingChecks.Positive(errors, $"{SectionName}:{nameof(AssociationRequestTimeout)}", AssociationRequestTimeout);
        SettingChecks.Positive(errors, $"{SectionName}:{nameof(IdleTimeout)}", IdleTimeout);
        SettingChecks.NotNegative(errors, $"{SectionName}:{nameof(ShutdownGracePeriod)}", ShutdownGracePeriod);
        ValidateCallers(errors);
        Tls.Validate(errors);
        return errors;
    }

    /// <summary>The listener's options, with the TLS files loaded; call only once <see cref="Validate"/> returned no errors.</summary>
    public DicomServerOptions ToServerOptions() => new()
    {
        AeTitle = AeTitle.Trim(' '),
        BindAddress = IPAddress.Parse(BindAddress),
        Port = Port,
        MaxPduLength = MaxPduLength,
        MaxAssociations = MaxAssociations,
        ArtimTimeout = AssociationRequestTimeout,
        IdleTimeout = IdleTimeout,
        ShutdownGracePeriod = ShutdownGracePeriod,
        AllowedPeers = AllowedCallers.Count == 0
            ? null
            : [.. AllowedCallers.Select(caller => new DicomAllowedPeer(caller.AeTitle.Trim(' '), [.. caller.Addresses.Select(IPAddress.Parse)]))],
        StorageOnlyTransferSyntaxes = AcceptCompressedTransferSyntaxes
            ? [.. DicomTransferSyntax.All.Where(syntax => syntax.IsEncapsulated)]
            : [],
        Tls = Tls.ToServerOptions(),
    };

    private void ValidateCallers(List<string> errors)
    {
        for (var i = 0; i < AllowedCallers.Count; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(AllowedCallers)}:{i}");
            var caller = AllowedCallers[i];
            if (!PduText.IsValidAeTitle(caller.AeTitle.Trim(' ')))
            {
                errors.Add($"{key}:{nameof(AllowedCallerOptions.AeTitle)} = \"{caller.AeTitle}\" is invalid; expected 1 to 16 printable ASCII characters without '\\'.");
            }

            for (var j = 0; j < caller.Addresses.Count; j++)
            {
                if (!IPAddress.TryParse(caller.Addresses[j], out _))
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"{key}:{nameof(AllowedCallerOptions.Addresses)}:{j} = \"{caller.Addresses[j]}\" is not an IP address."));
                }
            }
        }
    }
}
