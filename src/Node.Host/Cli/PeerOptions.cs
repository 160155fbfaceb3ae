using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Node.Dicom.Network.Client;
using Node.Dicom.Network.Pdus;
using Node.Dicom.Network.Server;
using Node.Dicom.Network.Transport;
using Node.Host.Tls;

namespace Node.Host.Cli;

/// <summary>
/// The options that name the remote DICOM application of <c>ainode echo</c> and <c>ainode send</c>:
/// host, port, called and calling AE titles, and DICOM over TLS. An invalid value is a usage error.
/// </summary>
internal sealed class PeerOptions
{
    public const string DefaultHost = "127.0.0.1";

    public const int DefaultPort = DicomServerOptions.DefaultPort;

    /// <summary>The AE title of <c>ainode receive</c> and of the node itself.</summary>
    public const string DefaultCalledAeTitle = DicomServerOptions.DefaultAeTitle;

    /// <summary>Differs from <see cref="DefaultCalledAeTitle"/>, so a node sending to another node with default settings shows as a different peer in its logs.</summary>
    public const string DefaultCallingAeTitle = "AINODE_SCU";

    public Option<string> Host { get; } = new("--host")
    {
        Description = "Host name or address of the peer.",
        HelpName = "HOST",
        DefaultValueFactory = _ => DefaultHost,
    };

    public Option<int> Port { get; } = CreatePortOption("TCP port of the peer");

    public Option<string> CalledAeTitle { get; } = CreateAeTitleOption("--called-ae", "AE title of the peer.", DefaultCalledAeTitle);

    public Option<string> CallingAeTitle { get; } = CreateAeTitleOption("--calling-ae", "AE title this program sends as the calling AE title.", DefaultCallingAeTitle);

    public Option<bool> Tls { get; } = new("--tls")
    {
        Description = "Use DICOM over TLS, trusting the certificate authorities of this machine; --tls-ca, --tls-cert and --tls-key turn it on as well.",
    };

    public Option<string> TlsCa { get; } = new Option<string>("--tls-ca")
    {
        Description = "PEM file with the certificates or CAs that the peer's certificate must chain to, in place of this machine's.",
        HelpName = "FILE",
    }.RequiringPath();

    public Option<string> TlsCertificate { get; } = new Option<string>("--tls-cert")
    {
        Description = "PEM file with a certificate to present to a peer that requests one. Needs --tls-key.",
        HelpName = "FILE",
    }.RequiringPath();

    public Option<string> TlsKey { get; } = new Option<string>("--tls-key")
    {
        Description = "PEM file with the private key of --tls-cert, not encrypted.",
        HelpName = "FILE",
    }.RequiringPath();

    /// <summary>Adds the peer and TLS options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        Host.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--host must not be empty.");
            }
        });
        command.Options.Add(Host);
        command.Options.Add(Port);
        command.Options.Add(CalledAeTitle);
        command.Options.Add(CallingAeTitle);
        command.Options.Add(Tls);
        command.Options.Add(TlsCa);
        command.Options.Add(TlsCertificate);
        command.Options.Add(TlsKey);
        command.Validators.Add(result =>
        {
            if ((result.GetResult(TlsCertificate) is null) != (result.GetResult(TlsKey) is null))
            {
                result.AddError("--tls-cert and --tls-key go together: give both, or neither.");
            }
        });
    }

    /// <summary>
    /// Builds the client settings from the parsed options, with the TLS files loaded; timeouts keep
    /// their defaults. Returns null where a TLS file is missing or does not load, after writing the
    /// failure line to <paramref name="error"/>.
    /// </summary>
    public DicomClientOptions? ToClientOptions(ParseResult parseResult, TextWriter error)
    {
        try
        {
            return ToClientOptions(parseResult);
        }
        catch (TlsFileException exception)
        {
            FailureText.Report(error, $"cannot read {exception.Setting} {exception.Path}", exception.Reason);
            return null;
        }
    }

    private DicomClientOptions ToClientOptions(ParseResult parseResult) => new()
    {
        Host = parseResult.GetRequiredValue(Host),
        Port = parseResult.GetRequiredValue(Port),
        CalledAeTitle = parseResult.GetRequiredValue(CalledAeTitle),
        CallingAeTitle = parseResult.GetRequiredValue(CallingAeTitle),
        Tls = LoadTls(parseResult),
    };

    /// <summary>Returns the TLS settings where any TLS option is given; null otherwise.</summary>
    private DicomTlsClientOptions? LoadTls(ParseResult parseResult)
    {
        var trustedPath = parseResult.GetValue(TlsCa);
        var certificatePath = parseResult.GetValue(TlsCertificate);
        if (!parseResult.GetValue(Tls) && trustedPath is null && certificatePath is null)
        {
            return null;
        }

        var tls = new DicomTlsClientOptions();
        if (trustedPath is not null)
        {
            tls.ServerCertificateValidation = TlsFiles.TrustOnly(TlsFiles.LoadTrusted(trustedPath, TlsCa.Name));
        }

        if (certificatePath is not null)
        {
            var identity = TlsFiles.LoadIdentity(certificatePath, TlsCertificate.Name, parseResult.GetRequiredValue(TlsKey), TlsKey.Name);
            tls.ClientCertificates = [identity.Certificate];
            tls.ClientCertificateIssuers = identity.Issuers;
        }

        return tls;
    }

    /// <summary>Names the peer in output and error lines, for example <c>AINODE at 127.0.0.1:11112</c>.</summary>
    public static string Describe(DicomClientOptions options) =>
        string.Create(CultureInfo.InvariantCulture, $"{options.CalledAeTitle} at {options.Host}:{options.Port}");

    /// <summary>Builds a <c>--port</c> option whose value must be 1 to 65535.</summary>
    public static Option<int> CreatePortOption(string description) => new("--port")
    {
        Description = $"{description}.",
        HelpName = "PORT",
        DefaultValueFactory = _ => DefaultPort,
        Validators =
        {
            result =>
            {
                if (!OptionValue.TryGet<int>(result, out var port))
                {
                    return;
                }

                if (port is < 1 or > 65535)
                {
                    result.AddError($"--port {port} is not a TCP port (1 to 65535).");
                }
            },
        },
    };

    /// <summary>Builds an AE title option whose value must be 1 to 16 printable ASCII characters without backslash.</summary>
    public static Option<string> CreateAeTitleOption(string name, string description, string defaultValue) => new(name)
    {
        Description = description,
        HelpName = "AE",
        DefaultValueFactory = _ => defaultValue,
        Validators =
        {
            result =>
            {
                var title = result.GetValueOrDefault<string>() ?? string.Empty;
                if (!PduText.IsValidAeTitle(title.Trim(' ')))
                {
                    result.AddError($"{name} '{title}' is not a valid AE title (1 to 16 printable ASCII characters without backslash).");
                }
            },
        },
    };

    /// <summary>Builds a <c>--max-pdu</c> option: the Maximum Length this program announces, within the range the library accepts.</summary>
    public static Option<int> CreateMaxPduOption() => new("--max-pdu")
    {
        Description = string.Create(
            CultureInfo.InvariantCulture,
            $"Maximum PDU length announced to the peer, in bytes: the largest P-DATA-TF this program accepts ({DicomServerOptions.MinMaxPduLength} to {DicomServerOptions.MaxMaxPduLength})."),
        HelpName = "BYTES",
        DefaultValueFactory = _ => DicomServerOptions.DefaultMaxPduLength,
        Validators =
        {
            result =>
            {
                if (!OptionValue.TryGet<int>(result, out var length))
                {
                    return;
                }

                if (length is < DicomServerOptions.MinMaxPduLength or > DicomServerOptions.MaxMaxPduLength)
                {
                    result.AddError($"--max-pdu {length} is outside {DicomServerOptions.MinMaxPduLength} to {DicomServerOptions.MaxMaxPduLength} bytes.");
                }
            },
        },
    };
}
