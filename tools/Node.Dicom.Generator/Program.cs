using System.Text;
using System.Text.Json;
using System.Xml;

namespace Node.Dicom.Generator;

/// <summary>Entry point: parses the command line, then writes or checks the generated files.</summary>
internal static class Program
{
    private const int Success = 0;

    private const int Failure = 1;

    private const int UsageError = 2;

    private static int Main(string[] args)
    {
        GeneratorOptions options;
        try
        {
            options = GeneratorOptions.Parse(args, Directory.GetCurrentDirectory());
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            Console.Error.WriteLine(GeneratorOptions.Usage);
            return UsageError;
        }

        if (options.ShowHelp)
        {
            Console.WriteLine(GeneratorOptions.Usage);
            return Success;
        }

        try
        {
            var files = DictionaryGenerator.Generate(options.SourceDirectory, Console.Out);
            return options.CheckOnly ? Check(files, options.RepositoryRoot) : Write(files, options.RepositoryRoot);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or XmlException or JsonException or FormatException)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return Failure;
        }
    }

    private static int Write(IReadOnlyList<Emitting.GeneratedFile> files, string repositoryRoot)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(repositoryRoot, file.RelativePath);
            File.WriteAllText(path, file.Text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            Console.WriteLine($"wrote {file.RelativePath}");
        }

        return Success;
    }

    private static int Check(IReadOnlyList<Emitting.GeneratedFile> files, string repositoryRoot)
    {
        var stale = files
            .Where(file =>
            {
                var path = Path.Combine(repositoryRoot, file.RelativePath);
                return !File.Exists(path) || File.ReadAllText(path) != file.Text;
            })
            .ToList();
        foreach (var file in stale)
        {
            Console.Error.WriteLine($"stale: {file.RelativePath} differs from the generated text; run {Emitting.GeneratedFile.RegenerateCommand}");
        }

        return stale.Count == 0 ? Success : Failure;
    }
}
