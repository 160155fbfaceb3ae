using System.CommandLine;
using Node.Dicom.Dump;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Json;

namespace Node.Host.Cli;

/// <summary>
/// <c>ainode dump FILE [--json] [--stop-before-pixel-data]</c>: prints the elements of a DICOM
/// file to standard output as a readable dump or as DICOM JSON.
/// </summary>
internal sealed class DumpCommand : Command
{
    /// <summary>Exit code where the file is missing, unreadable, malformed or has no JSON form.</summary>
    public const int FailureExitCode = 1;

    private readonly Argument<string> _file = new("FILE")
    {
        Description = "The DICOM file to read: a Part 10 file, or a bare data set whose transfer syntax the reader detects.",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print the DICOM JSON model of the data set (PS3.18 Annex F), indented, instead of the readable dump.",
    };

    private readonly Option<bool> _stopBeforePixelData = new("--stop-before-pixel-data")
    {
        Description = "Stop reading at Pixel Data (7FE0,0010), which makes large images quick to read and lets --json print files whose pixel data is compressed.",
    };

    public DumpCommand()
        : base("dump", "Print the elements of a DICOM file as a readable dump or as DICOM JSON.")
    {
        Arguments.Add(_file);
        Options.Add(_json);
        Options.Add(_stopBeforePixelData);
        SetAction(parseResult => Run(
            parseResult.GetRequiredValue(_file),
            parseResult.GetValue(_json),
            parseResult.GetValue(_stopBeforePixelData),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
    }

    private static int Run(string path, bool json, bool stopBeforePixelData, TextWriter output, TextWriter error)
    {
        if (Directory.Exists(path))
        {
            error.WriteLine($"ainode: cannot read {path}: it is a folder, and dump reads one DICOM file");
            return FailureExitCode;
        }

        if (!File.Exists(path))
        {
            error.WriteLine($"ainode: cannot read {path}: no such file");
            return FailureExitCode;
        }

        DicomFile file;
        try
        {
            file = DicomFile.Open(path, new DicomReadOptions { StopBeforePixelData = stopBeforePixelData });
        }
        catch (Exception exception) when (exception is DicomFormatException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"ainode: cannot read {path}: {exception.Message}");
            return FailureExitCode;
        }

        return json ? PrintJson(path, file, output, error) : PrintDump(file, output);
    }

    /// <summary>Prints the JSON only once it is complete, so a failure leaves no partial document on standard output.</summary>
    private static int PrintJson(string path, DicomFile file, TextWriter output, TextWriter error)
    {
        string text;
        try
        {
            text = DicomJsonWriter.Serialize(file.Dataset, new DicomJsonWriterOptions { Indented = true });
        }
        catch (DicomFormatException exception)
        {
            error.WriteLine($"ainode: cannot read {path}: {exception.Message}");
            return FailureExitCode;
        }
        catch (NotSupportedException exception)
        {
            error.WriteLine($"ainode: cannot write {path} as DICOM JSON: {exception.Message}; --stop-before-pixel-data prints the other elements");
            return FailureExitCode;
        }

        output.WriteLine(text);
        return 0;
    }

    private static int PrintDump(DicomFile file, TextWriter output)
    {
        DicomDumpFormatter.Write(output, file);
        return 0;
    }
}
