using System.CommandLine;

namespace Node.Host.Cli;

/// <summary>
/// The <c>ainode</c> command line: tool subcommands, and with no subcommand the node service,
/// which is not built yet.
/// </summary>
internal sealed class AinodeRootCommand : RootCommand
{
    /// <summary>Exit code for a command line that does not parse (unknown option, missing argument).</summary>
    public const int UsageErrorExitCode = 2;

    /// <summary>Exit code of the bare <c>ainode</c> command until the node service exists.</summary>
    public const int NotBuiltExitCode = 1;

    public AinodeRootCommand()
        : base("AI Node: a DICOM node that runs AI models on received studies and returns the results to the PACS.")
    {
        Subcommands.Add(new DumpCommand());
        Subcommands.Add(new EchoCommand());
        Subcommands.Add(new SendCommand());
        Subcommands.Add(new ReceiveCommand());
        Subcommands.Add(SynthCommand.Create());
        Subcommands.Add(AnalyzeCommand.Create());
        Subcommands.Add(EvaluateCommand.Create());
        SetAction(parseResult => ReportNodeNotBuilt(parseResult.InvocationConfiguration.Error));
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A parse error prints the errors to standard error
    /// and the help to standard output, then returns <see cref="UsageErrorExitCode"/>. The
    /// System.CommandLine 2.0.0 default would be 1, which the commands use for failures.
    /// </summary>
    public int Run(string[] args)
    {
        var parseResult = Parse(args);
        if (parseResult.Errors.Count == 0)
        {
            return parseResult.Invoke();
        }

        parseResult.Invoke();
        return UsageErrorExitCode;
    }

    private int ReportNodeNotBuilt(TextWriter error)
    {
        var commands = string.Join(", ", Subcommands.Select(command => command.Name));
        error.WriteLine($"ainode: the node service is not built yet; commands: {commands} (see ainode --help)");
        return NotBuiltExitCode;
    }
}
