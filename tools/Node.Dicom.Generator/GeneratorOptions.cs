namespace Node.Dicom.Generator;

/// <summary>The generator's command line.</summary>
/// <param name="SourceDirectory">The folder with the data files.</param>
/// <param name="RepositoryRoot">The folder with Node.sln, below which the C# files are written.</param>
/// <param name="CheckOnly">True to compare the generated text with the files on disk and write nothing.</param>
/// <param name="ShowHelp">True when the user asked for the usage text.</param>
internal sealed record GeneratorOptions(string SourceDirectory, string RepositoryRoot, bool CheckOnly, bool ShowHelp)
{
    public const string Usage = """
        Usage: dotnet run --project tools/Node.Dicom.Generator -- [--source DIR] [--repository DIR] [--check]

        Writes the data dictionary, the DicomTags and DicomUids constants and the UID registry of
        src/Node.Dicom from the DICOM data files.

          --source DIR      folder with fo-dicom-DICOM-Dictionary.xml, dcmtk-dicom.dic and
                            innolitics-sops.json (default: ../shared/dicom-standard beside the repository)
          --repository DIR  repository root, the folder with Node.sln (default: found upward from
                            the current folder)
          --check           write nothing; exit with 1 when a generated file differs from the one on disk
        """;

    private const string SolutionFileName = "Node.sln";

    private static readonly string DefaultSourceBelowParent = Path.Combine("shared", "dicom-standard");

    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or the repository root is not found.</exception>
    public static GeneratorOptions Parse(IReadOnlyList<string> args, string currentDirectory)
    {
        string? source = null;
        string? repository = null;
        var (checkOnly, showHelp) = (false, false);
        for (var index = 0; index < args.Count; index++)
        {
            switch (args[index])
            {
                case "--source":
                    source = ValueAfter(args, ref index);
                    break;
                case "--repository":
                    repository = ValueAfter(args, ref index);
                    break;
                case "--check":
                    checkOnly = true;
                    break;
                case "--help" or "-h":
                    showHelp = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[index]}'.");
            }
        }

        var root = Path.GetFullPath(repository ?? FindRepositoryRoot(currentDirectory));
        var sourceDirectory = Path.GetFullPath(source ?? Path.Combine(root, "..", DefaultSourceBelowParent));
        return new GeneratorOptions(sourceDirectory, root, checkOnly, showHelp);
    }

    private static string ValueAfter(IReadOnlyList<string> args, ref int index)
    {
        if (index + 1 >= args.Count)
        {
            throw new ArgumentException($"Option '{args[index]}' needs a folder after it.");
        }

        index++;
        return args[index];
    }

    private static string FindRepositoryRoot(string currentDirectory)
    {
        for (var directory = new DirectoryInfo(currentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new ArgumentException($"No {SolutionFileName} found in {currentDirectory} or above it; pass --repository.");
    }
}
