using Node.Dicom.Network.Pdus;
using Node.Dicom.Network.Server;
using Node.Dicom.Network.Transport;

namespace Node.Dicom.Network.Client;

/// <summary>Settings of <see cref="DicomClient"/>. <see cref="Validate"/> runs when the client is built.</summary>
public sealed class DicomClientOptions
{
    public const string DefaultCallingAeTitle = "AINODE";

    public const long DefaultWholeFileLimitBytes = 256L * 1024 * 1024;

    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan DefaultAssociationTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DefaultDimseTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Host name or address of the peer.</summary>
    public required string Host { get; set; }

    /// <summary>TCP port of the peer.</summary>
    public int Port { get; set; } = DicomServerOptions.DefaultPort;

    /// <summary>The peer's AE title; sent trimmed and space padded to 16 bytes.</summary>
    public required string CalledAeTitle { get; set; }

    /// <summary>This node's AE title; default <see cref="DefaultCallingAeTitle"/>.</summary>
    public string CallingAeTitle { get; set; } = DefaultCallingAeTitle;

    /// <summary>Maximum Length announced to the peer, in bytes; default 256 KiB.</summary>
    public int MaxPduLength { get; set; } = DicomServerOptions.DefaultMaxPduLength;

    /// <summary>How long to wait for the TCP connection and TLS handshake; default 15 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = DefaultConnectTimeout;

    /// <summary>How long to wait for A-ASSOCIATE-AC and A-RELEASE-RP; default 30 s.</summary>
    public TimeSpan AssociationTimeout { get; set; } = DefaultAssociationTimeout;

    /// <summary>How long to wait for each DIMSE response; default 60 s.</summary>
    public TimeSpan DimseTimeout { get; set; } = DefaultDimseTimeout;

    /// <summary>Deadline of one PDU write; default 30 s.</summary>
    public TimeSpan WriteTimeout { get; set; } = DicomServerOptions.DefaultWriteTimeout;

    /// <summary>How long to wait for the peer to close after an abort; default 30 s.</summary>
    public TimeSpan ArtimTimeout { get; set; } = DicomServerOptions.DefaultArtimTimeout;

    /// <summary>
    /// Files up to this length, in bytes, are read whole, checked to their end and sent from
    /// memory, converted where the peer needs it. A longer file is sent from disk one fragment at
    /// a time in its own transfer syntax, after a check of its elements before Pixel Data, so the
    /// sender's memory stays flat. 256 MiB by default.
    /// </summary>
    public long WholeFileLimitBytes { get; set; } = DefaultWholeFileLimitBytes;

    /// <summary>TLS settings; null, the default, connects over plain TCP.</summary>
    public DicomTlsClientOptions? Tls { get; set; }

    /// <summary>Checks every setting; the message names the option as a configuration path.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Host), nameof(Host), "a host is needed");
        Require(Port is > 0 and <= 65535, nameof(Port), $"{Port} is not a TCP port (1 to 65535)");
        Require(PduText.IsValidAeTitle(CalledAeTitle.Trim(' ')), nameof(CalledAeTitle), $"'{CalledAeTitle}' is not a valid AE title (1 to 16 printable ASCII characters without backslash)");
        Require(PduText.IsValidAeTitle(CallingAeTitle.Trim(' ')), nameof(CallingAeTitle), $"'{CallingAeTitle}' is not a valid AE title (1 to 16 printable ASCII characters without backslash)");
        Require(MaxPduLength is >= DicomServerOptions.MinMaxPduLength and <= DicomServerOptions.MaxMaxPduLength, nameof(MaxPduLength), $"{MaxPduLength} is outside {DicomServerOptions.MinMaxPduLength} to {DicomServerOptions.MaxMaxPduLength} bytes");
        foreach (var (value, name) in new[] { (ConnectTimeout, nameof(ConnectTimeout)), (AssociationTimeout, nameof(AssociationTimeout)), (DimseTimeout, nameof(DimseTimeout)), (WriteTimeout, nameof(WriteTimeout)), (ArtimTimeout, nameof(ArtimTimeout)) })
        {
            Require(value > TimeSpan.Zero, name, $"{value} must be longer than zero");
        }
    }

    internal TransportLimits TransportLimits => new(MaxPduLength, PduReader.DefaultMaxAssociatePduLength, WriteTimeout);

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid DicomClient:{name}: {problem}.", name);
        }
    }
}
