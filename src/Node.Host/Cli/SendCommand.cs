using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Node.Dicom.Network.Client;
using Node.Dicom.Network.Dimse;
using Node.Dicom.Network.Errors;

namespace Node.Host.Cli;

/// <summary>
/// <c>ainode send PATH... [--host H] [--port P] [--called-ae AE] [--calling-ae AE] [--max-pdu BYTES]</c>:
/// sends DICOM files, and every file under the given folders, over one association with C-STORE,
/// like DCMTK's <c>storescu +sd +r</c>.
/// </summary>
/// <remarks>
/// Standard output gets one line per instance that did not succeed and a summary line. Exit code
/// 0 means every instance got the status Success; a warning status counts as not succeeded.
/// </remarks>
internal sealed class SendCommand : Command
{
    private readonly Argument<string[]> _paths = new("PATH")
    {
        Description = "DICOM files to send, or folders whose files are all sent (searched recursively; linked folders are not followed).",
        Arity = ArgumentArity.OneOrMore,
        Validators =
        {
            result =>
            {
                // The parser takes an unknown option for a path, so it is reported here as an option.
                foreach (var token in result.Tokens.Select(token => token.Value).Where(value => value.StartsWith('-') && !Path.Exists(value)))
                {
                    result.AddError($"Unrecognized option '{token}'; see the options below.");
                }
            },
        },
    };

    private readonly PeerOptions _peer = new();

    private readonly Option<int> _maxPdu = PeerOptions.CreateMaxPduOption();

    public SendCommand()
        : base("send", "Send DICOM files and folders to a DICOM application with C-STORE over one association, like DCMTK's storescu +sd +r.")
    {
        Arguments.Add(_paths);
        _peer.AddTo(this);
        Options.Add(_maxPdu);
        SetAction(parseResult =>
        {
            if (_peer.ToClientOptions(parseResult, parseResult.InvocationConfiguration.Error) is not { } options)
            {
                return FailureText.FailureExitCode;
            }

            options.MaxPduLength = parseResult.GetValue(_maxPdu);
            return Run(parseResult.GetRequiredValue(_paths), options, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
        });
    }

    private static int Run(string[] paths, DicomClientOptions options, TextWriter output, TextWriter error)
    {
        var peer = PeerOptions.Describe(options);
        var missing = paths.FirstOrDefault(path => !File.Exists(path) && !Directory.Exists(path));
        if (missing is not null)
        {
            return FailureText.Report(error, $"cannot send {missing}", "no such file or folder");
        }

        var files = ExpandPaths(paths);
        if (files.Count == 0)
        {
            return FailureText.Report(error, $"C-STORE to {peer}", "the given folders contain no files");
        }

        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<DicomStoreOutcome> outcomes;
        try
        {
            outcomes = new DicomClient(options).SendAsync(files).GetAwaiter().GetResult();
        }
        catch (DicomNetworkException exception)
        {
            return FailureText.Report(error, $"C-STORE to {peer}", FailureText.Reason(exception, options.Tls is not null));
        }
        catch (ArgumentException exception)
        {
            // More SOP class and transfer syntax pairs than one association can propose.
            return FailureText.Report(error, $"C-STORE to {peer}", exception.Message);
        }

        return Summarize(outcomes, peer, Stopwatch.GetElapsedTime(started), output, error);
    }

    /// <summary>Lists the files in order: each file path as given, then each folder's files sorted by path.</summary>
    private static List<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(FilesUnder(path).Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }

    /// <summary>
    /// Every file under a folder, links to files included, without following linked folders: a
    /// link to a folder above would otherwise send the same files again at each level.
    /// </summary>
    private static IEnumerable<string> FilesUnder(string folder)
    {
        var files = Directory.EnumerateFiles(folder);
        var subfolders = Directory.EnumerateDirectories(folder).Where(subfolder => !File.GetAttributes(subfolder).HasFlag(FileAttributes.ReparsePoint));
        return files.Concat(subfolders.SelectMany(FilesUnder));
    }

    private static int Summarize(IReadOnlyList<DicomStoreOutcome> outcomes, string peer, TimeSpan elapsed, TextWriter output, TextWriter error)
    {
        foreach (var outcome in outcomes.Where(outcome => !outcome.IsSuccess))
        {
            output.WriteLine(Describe(outcome));
        }

        var succeeded = outcomes.Count(outcome => outcome.IsSuccess);
        var warnings = outcomes.Count(outcome => outcome.IsWarning);
        var failed = outcomes.Count - succeeded - warnings;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sent {succeeded}, warnings {warnings}, failed {failed}: {outcomes.Count} instances to {peer} in {elapsed.TotalSeconds:0.00} s"));
        if (succeeded == outcomes.Count)
        {
            return 0;
        }

        return FailureText.Report(error, $"C-STORE to {peer}", $"{outcomes.Count - succeeded} of {outcomes.Count} instances did not succeed ({warnings} with a warning, {failed} failed)");
    }

    /// <summary>Describes an instance that did not succeed: its path, then the status and comment, or why it was not sent.</summary>
    private static string Describe(DicomStoreOutcome outcome)
    {
        var what = outcome.Path ?? outcome.SopInstanceUid ?? "an instance";
        var status = outcome.Status is { } value ? $"status {DimseStatus.Describe(value)}" : "not sent";
        return outcome.Error is null ? $"{what}: {status}" : $"{what}: {status}: {outcome.Error}";
    }
}
