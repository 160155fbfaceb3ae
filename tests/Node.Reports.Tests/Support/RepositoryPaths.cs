namespace Node.Reports.Tests.Support;

/// <summary>Paths inside the repository, found by walking up from the test binaries to the folder holding Node.sln.</summary>
internal static class RepositoryPaths
{
    private const string SolutionFile = "Node.sln";

    public static string Root { get; } = FindRoot();

    public static string ReferencePack => Path.Combine(Root, "deploy", "models", "reference");

    public static string TestProject => Path.Combine(Root, "tests", "Node.Reports.Tests");

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, SolutionFile)))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"No {SolutionFile} above {TestContext.CurrentContext.TestDirectory}.");
    }
}
