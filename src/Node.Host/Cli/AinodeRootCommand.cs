using System.CommandLine;
using System.CommandLine.Help;
using Node.Host.Hosting;

namespace Node.Host.Cli;

/// <summary>
/// The <c>ainode</c> command line: tool subcommands, and with no subcommand the node itself
/// (the same as <c>ainode serve</c>).
/// </summary>
internal sealed class AinodeRootCommand : RootCommand
{
    /// <summary>Exit code for a command line that does not parse (unknown option, missing argument).</summary>
    public const int UsageErrorExitCode = 2;

    private readonly Option<string?> _settings;

    public AinodeRootCommand()
        : base("AI Node: a DICOM node that runs AI models on received studies and returns the results to the PACS.")
    {
        var settings = ServeCommand.CreateSettingsOption();
        Options.Add(settings);
        _settings = settings;
        Subcommands.Add(ServeCommand.Create(settings));
        Subcommands.Add(new DumpCommand());
        Subcommands.Add(new EchoCommand());
        Subcommands.Add(new SendCommand());
        Subcommands.Add(new ReceiveCommand());
        Subcommands.Add(SynthCommand.Create());
        Subcommands.Add(AnalyzeCommand.Create());
        Subcommands.Add(EvaluateCommand.Create());
        SetAction(parseResult => NodeHost.Run(parseResult.GetValue(settings), parseResult.InvocationConfiguration.Error));
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A parse error prints the errors to standard error
    /// and the help to standard output, then returns <see cref="UsageErrorExitCode"/>. The
    /// System.CommandLine 2.0.0 default would be 1, which the commands use for failures.
    /// </summary>
    public int Run(string[] args)
    {
        var parseResult = Parse(args);
        var misplaced = MisplacedSettings(parseResult);
        if (parseResult.Errors.Count == 0 && misplaced is null)
        {
            return parseResult.Invoke();
        }

        var error = parseResult.InvocationConfiguration.Error;
        foreach (var parseError in parseResult.Errors)
        {
            error.WriteLine(UsageErrorText.Describe(parseError, parseResult));
        }

        if (misplaced is not null)
        {
            error.WriteLine(misplaced);
        }

        error.WriteLine();
        new HelpAction().Invoke(parseResult);
        return UsageErrorExitCode;
    }

    /// <summary>
    /// Returns the error for a root <c>--settings</c> that would be ignored, or null: given with a tool
    /// command, or given with <c>serve</c> that has a <c>--settings</c> of its own.
    /// </summary>
    private string? MisplacedSettings(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        if (parseResult.GetResult(_settings) is null || command == this)
        {
            return null;
        }

        if (command.Name != ServeCommand.Name)
        {
            return $"--settings applies only to the node (ainode or ainode serve), not to '{command.Name}'.";
        }

        var own = command.Options.First(option => option.Name == _settings.Name);
        return parseResult.GetResult(own) is null
            ? null
            : "--settings is given both before and after 'serve', and only one file is read. Give it once.";
    }
}
