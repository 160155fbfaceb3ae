using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Node.Dicom.Network.Client;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Errors;
using Node.Dicom.Uids;

namespace Node.Host.Cli;

/// <summary>
/// <c>ainode echo [--host H] [--port P] [--called-ae AE] [--calling-ae AE] [--timeout SECONDS]</c>:
/// opens an association, sends C-ECHO (the Verification service), prints the status and the
/// round-trip time, and releases.
/// </summary>
internal sealed class EchoCommand : Command
{
    public const double DefaultTimeoutSeconds = 10;

    /// <summary>The longest timeout accepted, in seconds: an hour, far longer than a working peer takes to answer.</summary>
    public const double MaxTimeoutSeconds = 3600;

    private static readonly DicomTransferSyntax[] UncompressedSyntaxes = [DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ImplicitVRLittleEndian];

    private readonly PeerOptions _peer = new();

    private readonly Option<double> _timeout = new("--timeout")
    {
        Description = "Seconds to wait for the connection, for each association step and for the C-ECHO response.",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => DefaultTimeoutSeconds,
        Validators =
        {
            result =>
            {
                if (!OptionValue.TryGet<double>(result, out var seconds))
                {
                    return;
                }

                // The invariant culture reads "1,5" as 15, with the comma as a thousands separator.
                if (result.Tokens.Any(token => token.Value.Contains(',')))
                {
                    result.AddError($"--timeout '{result.Tokens[0].Value}' is not a number of seconds; write a fraction with a point, as in 1.5.");
                    return;
                }

                if (!(seconds > 0) || seconds > MaxTimeoutSeconds)
                {
                    result.AddError($"--timeout {seconds.ToString(CultureInfo.InvariantCulture)} is out of range; expected more than 0 and at most {MaxTimeoutSeconds} seconds.");
                }
            },
        },
    };

    public EchoCommand()
        : base("echo", "Send a C-ECHO to a DICOM application and print the status and the round-trip time, like DCMTK's echoscu.")
    {
        _peer.AddTo(this);
        Options.Add(_timeout);
        SetAction(parseResult =>
        {
            if (_peer.ToClientOptions(parseResult, parseResult.InvocationConfiguration.Error) is not { } options)
            {
                return FailureText.FailureExitCode;
            }

            var timeout = TimeSpan.FromSeconds(parseResult.GetValue(_timeout));
            options.ConnectTimeout = timeout;
            options.AssociationTimeout = timeout;
            options.DimseTimeout = timeout;
            return Run(options, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
        });
    }

    private static int Run(DicomClientOptions options, TextWriter output, TextWriter error)
    {
        var peer = PeerOptions.Describe(options);
        try
        {
            var (status, roundTrip) = EchoAsync(options).GetAwaiter().GetResult();
            if (!DimseStatus.IsSuccess(status))
            {
                return FailureText.Report(error, $"C-ECHO to {peer}", $"status {DimseStatus.Describe(status)}");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"C-ECHO to {peer}: status {DimseStatus.Describe(status)}, round trip {roundTrip.TotalMilliseconds:0.0} ms"));
            return 0;
        }
        catch (DicomNetworkException exception)
        {
            return FailureText.Report(error, $"C-ECHO to {peer}", FailureText.Reason(exception, options.Tls is not null));
        }
    }

    /// <summary>Returns the C-ECHO-RSP status and the time from sending the request to receiving the response.</summary>
    private static async Task<(ushort Status, TimeSpan RoundTrip)> EchoAsync(DicomClientOptions options)
    {
        var client = new DicomClient(options);
        await using var association = await client.OpenAssociationAsync([new DicomPresentationContextProposal(DicomUids.Verification, UncompressedSyntaxes)]).ConfigureAwait(false);

        var started = Stopwatch.GetTimestamp();
        var status = await association.EchoAsync().ConfigureAwait(false);
        var roundTrip = Stopwatch.GetElapsedTime(started);

        await association.ReleaseAsync().ConfigureAwait(false);
        return (status, roundTrip);
    }
}
