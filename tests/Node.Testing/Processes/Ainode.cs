namespace Node.Testing;

/// <summary>Runs the built <c>ainode</c> program as a user would, in test projects that reference Node.Host.</summary>
public static class Ainode
{
    /// <summary>Longest an <c>ainode</c> command run to completion may take before it is killed by PID; inference on the CPU is the slow case.</summary>
    public static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    /// <summary>The program's assembly, copied next to the tests by the Node.Host project reference.</summary>
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "ainode.dll");

    /// <summary>Runs <c>dotnet ainode.dll</c> with <paramref name="arguments"/> to its end and returns its exit code and output.</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) =>
        ProgramRun.Run("dotnet", RunLimit, [AssemblyPath, .. arguments]);

    /// <summary>Runs <c>dotnet ainode.dll</c> with <paramref name="arguments"/> and returns its standard output; fails the test on a non-zero exit code.</summary>
    public static string RunChecked(params string[] arguments)
    {
        var (exitCode, output, error) = Run(arguments);
        Assert.That(exitCode, Is.Zero, $"ainode {string.Join(' ', arguments)}:\n{output}{error}");
        return output;
    }

    /// <summary>Starts <c>ainode</c> in the background, for a command that runs until stopped; it is killed after <paramref name="limit"/> whatever the test does.</summary>
    public static BackgroundProcess Start(TimeSpan limit, params string[] arguments) =>
        BackgroundProcess.Start("dotnet", limit, [AssemblyPath, .. arguments]);
}
