using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Node.Dicom.Network.Server;
using Node.Dicom.Network.Transport;
using Node.Dicom.Uids;
using Node.Host.Logging;
using Node.Host.Storage;
using Node.Host.Tls;

namespace Node.Host.Cli;

/// <summary>
/// <c>ainode receive --out DIR [--port P] [--ae-title AE] [--max-pdu BYTES] [--bind ADDRESS] [--log-format json|text]
/// [--tls-cert FILE --tls-key FILE [--tls-client-ca FILE]]</c>: a Storage and Verification SCP like DCMTK's storescp. It stores every received instance in
/// DIR as <c>SOPInstanceUID.dcm</c>, flushed to disk before the success status goes back, and
/// runs until SIGINT or SIGTERM, then stops gracefully and exits 0.
/// </summary>
/// <remarks>
/// Logs go to standard output through the console logger, one line per entry: the server's start
/// and stop, one line when an association is accepted and one when it ends, and one per instance.
/// Standard error gets only the one line of a failure that ends the command.
/// </remarks>
internal sealed class ReceiveCommand : Command
{
    public const string JsonLogFormat = "json";

    public const string TextLogFormat = "text";

    private readonly Option<string> _out = new("--out")
    {
        Description = "Folder for the received files; created if missing. Each instance is stored as SOPInstanceUID.dcm.",
        HelpName = "DIR",
        Required = true,
    };

    private readonly Option<int> _port = PeerOptions.CreatePortOption("TCP port to listen on");

    private readonly Option<string> _aeTitle = PeerOptions.CreateAeTitleOption(
        "--ae-title",
        "AE title of this receiver; an association whose called AE title differs is rejected.",
        PeerOptions.DefaultCalledAeTitle);

    private readonly Option<int> _maxPdu = PeerOptions.CreateMaxPduOption();

    private readonly Option<string> _bind = new("--bind")
    {
        Description = "Local address to listen on; 0.0.0.0 listens on every IPv4 address.",
        HelpName = "ADDRESS",
        DefaultValueFactory = _ => IPAddress.Any.ToString(),
        Validators =
        {
            result =>
            {
                if (!IPAddress.TryParse(result.GetValueOrDefault<string>(), out _))
                {
                    result.AddError($"--bind '{result.GetValueOrDefault<string>()}' is not an IP address.");
                }
            },
        },
    };

    private readonly Option<string> _logFormat = new("--log-format")
    {
        Description = $"Log line format on standard output: {JsonLogFormat} (one JSON object per line, with every field and the association scope) or {TextLogFormat} (one plain line per entry).",
        HelpName = "FORMAT",
        DefaultValueFactory = _ => JsonLogFormat,
    };

    private readonly Option<string> _tlsCertificate = new Option<string>("--tls-cert")
    {
        Description = "PEM file with this receiver's certificate: the port then takes DICOM over TLS only. Needs --tls-key.",
        HelpName = "FILE",
    }.RequiringPath();

    private readonly Option<string> _tlsKey = new Option<string>("--tls-key")
    {
        Description = "PEM file with the private key of --tls-cert, not encrypted.",
        HelpName = "FILE",
    }.RequiringPath();

    private readonly Option<string> _tlsClientCa = new Option<string>("--tls-client-ca")
    {
        Description = "PEM file with the certificates or CAs that callers' certificates must chain to; a caller without such a certificate is turned away. Needs --tls-cert.",
        HelpName = "FILE",
    }.RequiringPath();

    public ReceiveCommand()
        : base("receive", "Receive DICOM instances with C-STORE and store each as a Part 10 file, like DCMTK's storescp; stops on SIGINT or SIGTERM.")
    {
        _logFormat.AcceptingOneOf(JsonLogFormat, TextLogFormat);
        Options.Add(_out);
        Options.Add(_port);
        Options.Add(_aeTitle);
        Options.Add(_maxPdu);
        Options.Add(_bind);
        Options.Add(_logFormat);
        Options.Add(_tlsCertificate);
        Options.Add(_tlsKey);
        Options.Add(_tlsClientCa);
        Validators.Add(result =>
        {
            var certificate = result.GetResult(_tlsCertificate) is not null;
            if (certificate != (result.GetResult(_tlsKey) is not null))
            {
                result.AddError("--tls-cert and --tls-key go together: give both for TLS, or neither.");
            }

            if (result.GetResult(_tlsClientCa) is not null && !certificate)
            {
                result.AddError("--tls-client-ca needs --tls-cert and --tls-key: client certificates are checked only over TLS.");
            }
        });
        SetAction(parseResult =>
        {
            var options = new DicomServerOptions
            {
                AeTitle = parseResult.GetRequiredValue(_aeTitle),
                Port = parseResult.GetValue(_port),
                MaxPduLength = parseResult.GetValue(_maxPdu),
                BindAddress = IPAddress.Parse(parseResult.GetRequiredValue(_bind)),
                StorageOnlyTransferSyntaxes = [.. DicomTransferSyntax.All.Where(syntax => syntax.IsEncapsulated)],
            };
            try
            {
                options.Tls = LoadTls(parseResult);
            }
            catch (TlsFileException exception)
            {
                return FailureText.Report(parseResult.InvocationConfiguration.Error, $"cannot read {exception.Setting} {exception.Path}", exception.Reason);
            }

            using var loggerFactory = CreateLoggerFactory(parseResult.GetRequiredValue(_logFormat));
            return Run(parseResult.GetRequiredValue(_out), options, loggerFactory, parseResult.InvocationConfiguration.Error);
        });
    }

    /// <summary>Loads the TLS files where --tls-cert is given; null otherwise.</summary>
    private DicomTlsServerOptions? LoadTls(ParseResult parseResult)
    {
        if (parseResult.GetValue(_tlsCertificate) is not { } certificatePath)
        {
            return null;
        }

        var identity = TlsFiles.LoadIdentity(certificatePath, _tlsCertificate.Name, parseResult.GetRequiredValue(_tlsKey), _tlsKey.Name);
        var tls = new DicomTlsServerOptions { ServerCertificate = identity.Certificate, ServerCertificateIssuers = identity.Issuers };
        if (parseResult.GetValue(_tlsClientCa) is { } trustedPath)
        {
            tls.RequireClientCertificate = true;
            tls.ClientCertificateValidation = TlsFiles.TrustOnly(TlsFiles.LoadTrusted(trustedPath, _tlsClientCa.Name));
        }

        return tls;
    }

    private static int Run(string folder, DicomServerOptions options, ILoggerFactory loggerFactory, TextWriter error)
    {
        var folderExisted = Directory.Exists(folder);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return FailureText.Report(error, $"cannot use {folder} as the output folder", exception.Message);
        }

        var handler = new Part10FolderStore(folder, loggerFactory.CreateLogger<Part10FolderStore>());
        try
        {
            ServeAsync(options, handler, loggerFactory).GetAwaiter().GetResult();
            return 0;
        }
        catch (SocketException exception)
        {
            // Nothing was received, so a folder this run created goes again.
            if (!folderExisted && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }

            return FailureText.Report(error, $"cannot listen on {options.BindAddress}:{options.Port}", exception.Message);
        }
    }

    /// <summary>Serves until SIGINT or SIGTERM, then stops: running associations get the grace period to finish.</summary>
    private static async Task ServeAsync(DicomServerOptions options, Part10FolderStore handler, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger<ReceiveCommand>();
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => OnSignal(context, stop, logger));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => OnSignal(context, stop, logger));

        // NOTE: the server is disposed only once started, because DicomServer.DisposeAsync after a
        // failed StartAsync throws NullReferenceException (it awaits an accept loop never begun).
        var server = new DicomServer(options, handler, loggerFactory);
        await server.StartAsync().ConfigureAwait(false);
        await using var started = server;
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // A stop signal: fall through to the graceful stop.
        }

        await server.StopAsync().ConfigureAwait(false);
    }

    /// <summary>Keeps the runtime from ending the process at once, so the server stops gracefully.</summary>
    private static void OnSignal(PosixSignalContext context, CancellationTokenSource stop, ILogger logger)
    {
        context.Cancel = true;
        HostLog.StopSignalReceived(logger, context.Signal.ToString());
        stop.Cancel();
    }

    private static ILoggerFactory CreateLoggerFactory(string format) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(LogLevel.Information);
        if (format == TextLogFormat)
        {
            // The association scope prints as "association ID from ADDRESS" at the end of each line.
            builder.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.IncludeScopes = true;
                console.UseUtcTimestamp = true;
                console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
            return;
        }

        builder.AddJsonConsole(console =>
        {
            console.IncludeScopes = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
    });
}
