using System.Net;
using Node.Dicom.Network.Association;
using Node.Dicom.Network.Pdus;
using Node.Dicom.Network.Transport;
using Node.Dicom.Uids;

namespace Node.Dicom.Network.Server;

/// <summary>Settings of <see cref="DicomServer"/>. <see cref="Validate"/> runs when the server starts.</summary>
public sealed class DicomServerOptions
{
    public const string DefaultAeTitle = "AINODE";

    /// <summary>The customary DICOM port that needs no root privilege; 104 is the registered one.</summary>
    public const int DefaultPort = 11112;

    /// <summary>256 KiB, in bytes.</summary>
    public const int DefaultMaxPduLength = 256 * 1024;

    /// <summary>Smallest Maximum Length accepted in the options, in bytes; DCMTK uses the same floor.</summary>
    public const int MinMaxPduLength = 4096;

    /// <summary>Largest Maximum Length accepted in the options, in bytes (64 MiB).</summary>
    public const int MaxMaxPduLength = 64 * 1024 * 1024;

    public const int DefaultMaxAssociations = 32;

    public static readonly TimeSpan DefaultArtimTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan DefaultWriteTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DefaultShutdownGracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>This node's AE title; default <see cref="DefaultAeTitle"/>.</summary>
    public string AeTitle { get; set; } = DefaultAeTitle;

    /// <summary>Address to listen on; default any IPv4 address. Tests use the loopback address.</summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Any;

    /// <summary>TCP port; default <see cref="DefaultPort"/>, 0 picks a free port (see <see cref="DicomServer.LocalEndPoint"/>).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Maximum Length announced to peers: the largest P-DATA-TF PDU length accepted, in bytes; default 256 KiB.</summary>
    public int MaxPduLength { get; set; } = DefaultMaxPduLength;

    /// <summary>ARTIM: how long to wait for the A-ASSOCIATE-RQ after a connection opens, and for the peer to close after a reject, release or abort; default 30 s.</summary>
    public TimeSpan ArtimTimeout { get; set; } = DefaultArtimTimeout;

    /// <summary>How long an established association may stay silent before it is aborted; default 60 s.</summary>
    public TimeSpan IdleTimeout { get; set; } = DefaultIdleTimeout;

    /// <summary>Deadline of one PDU write; a peer that stops reading is cut off after it; default 30 s.</summary>
    public TimeSpan WriteTimeout { get; set; } = DefaultWriteTimeout;

    /// <summary>Associations served at once; one more is rejected as transient, local limit exceeded (2/3/2); default 32.</summary>
    public int MaxAssociations { get; set; } = DefaultMaxAssociations;

    /// <summary>Whether the called AE title must equal <see cref="AeTitle"/>; a mismatch is rejected 1/1/7. Default true.</summary>
    public bool CheckCalledAeTitle { get; set; } = true;

    /// <summary>Calling AE titles served, each optionally bound to host addresses; null (the default) serves any valid title. Others are rejected 1/1/3.</summary>
    public IReadOnlyList<DicomAllowedPeer>? AllowedPeers { get; set; }

    /// <summary>Uncompressed transfer syntaxes accepted, in order of preference; default Explicit VR Little Endian, then Implicit VR Little Endian.</summary>
    public IReadOnlyList<DicomTransferSyntax> TransferSyntaxes { get; set; } =
        [DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ImplicitVRLittleEndian];

    /// <summary>Further transfer syntaxes (compressed ones) accepted for storage only, stored as received; default none.</summary>
    public IReadOnlyList<DicomTransferSyntax> StorageOnlyTransferSyntaxes { get; set; } = [];

    /// <summary>Storage SOP class UIDs accepted; default every storage SOP class of <see cref="DicomUidRegistry.StorageSopClasses"/>.</summary>
    public IReadOnlySet<string> StorageSopClasses { get; set; } = DicomUidRegistry.StorageSopClasses.Select(sopClass => sopClass.Uid).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether C-ECHO (the Verification SOP class) is served; default true.</summary>
    public bool AcceptVerification { get; set; } = true;

    /// <summary>TLS settings (PS3.15 basic TLS secure transport profile); null, the default, serves plain TCP.</summary>
    public DicomTlsServerOptions? Tls { get; set; }

    /// <summary>How long <see cref="DicomServer.StopAsync"/> lets running associations finish before aborting them; default 10 s.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = DefaultShutdownGracePeriod;

    /// <summary>Checks every setting; the message names the option as a configuration path.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        Require(PduText.IsValidAeTitle(AeTitle.Trim(' ')), nameof(AeTitle), $"'{AeTitle}' is not a valid AE title (1 to 16 printable ASCII characters without backslash)");
        Require(Port is >= 0 and <= 65535, nameof(Port), $"{Port} is not a TCP port (0 to 65535)");
        Require(MaxPduLength is >= MinMaxPduLength and <= MaxMaxPduLength, nameof(MaxPduLength), $"{MaxPduLength} is outside {MinMaxPduLength} to {MaxMaxPduLength} bytes");
        Require(MaxAssociations > 0, nameof(MaxAssociations), $"{MaxAssociations} must be at least 1");
        RequirePositive(ArtimTimeout, nameof(ArtimTimeout));
        RequirePositive(IdleTimeout, nameof(IdleTimeout));
        RequirePositive(WriteTimeout, nameof(WriteTimeout));
        Require(ShutdownGracePeriod >= TimeSpan.Zero, nameof(ShutdownGracePeriod), $"{ShutdownGracePeriod} must not be negative");
        Require(TransferSyntaxes.Count > 0, nameof(TransferSyntaxes), "at least one transfer syntax is needed");
        Require(Tls is null || Tls.ServerCertificate is not null, "Tls:ServerCertificate", "a server certificate is needed for TLS");
    }

    internal TransportLimits TransportLimits => new(MaxPduLength, Pdus.PduReader.DefaultMaxAssociatePduLength, WriteTimeout);

    private static void RequirePositive(TimeSpan value, string name) =>
        Require(value > TimeSpan.Zero, name, $"{value} must be longer than zero");

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid DicomServer:{name}: {problem}.", name);
        }
    }
}
