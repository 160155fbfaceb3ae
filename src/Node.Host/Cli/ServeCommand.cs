using System.CommandLine;
using Node.Host.Hosting;

namespace Node.Host.Cli;

/// <summary>
/// <c>ainode serve [--settings FILE]</c>, also what a bare <c>ainode</c> runs: the node itself,
/// until SIGINT or SIGTERM. Settings come from appsettings.json in the working folder, then
/// FILE, then <c>AINODE__Section__Key</c> environment variables.
/// </summary>
internal static class ServeCommand
{
    public const string Name = "serve";

    /// <summary>The option both the root command and <c>serve</c> take.</summary>
    public static Option<string?> CreateSettingsOption() => new("--settings")
    {
        Description = $"An extra JSON settings file, read after {NodeHost.SettingsFileName} in the working folder; {NodeHost.EnvironmentPrefix}Section__Key environment variables override both.",
        HelpName = "FILE",
    };

    /// <summary>
    /// Builds <c>serve</c> with its own <c>--settings</c>. <paramref name="rootSettings"/> is the
    /// root command's, so that <c>ainode --settings FILE serve</c> reads FILE as well.
    /// </summary>
    public static Command Create(Option<string?> rootSettings)
    {
        var settings = CreateSettingsOption();
        var command = new Command(Name, "Run the node: receive studies over C-STORE, analyse them, send the SR and SC to the destinations. Stops on SIGINT or SIGTERM.")
        {
            settings,
        };
        command.SetAction(parseResult => NodeHost.Run(parseResult.GetValue(settings) ?? parseResult.GetValue(rootSettings), parseResult.InvocationConfiguration.Error));
        return command;
    }
}
