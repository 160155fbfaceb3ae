using System.IO.Compression;

namespace Node.Testing;

/// <summary>
/// Finds peer programs and sample files from Debian packages at run time. A missing peer ignores
/// the test with the install command, or fails it where AINODE_REQUIRE_PEERS=1 (as in CI).
/// </summary>
public static class Peers
{
    public const string PydicomTestFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";
    public const string PydicomCharsetFiles = "/usr/lib/python3/dist-packages/pydicom/data/charset_files";

    /// <summary>The dicom3tools example, an MR slice; some installs ship it gzipped.</summary>
    public const string Dicom3ToolsExample = "/usr/share/doc/dicom3tools/examples/0051.dcm";

    /// <summary>The environment variable that, set to 1, turns a missing peer from an ignored test into a failed one.</summary>
    public const string RequirePeersVariable = "AINODE_REQUIRE_PEERS";

    public static bool PeersRequired => Environment.GetEnvironmentVariable(RequirePeersVariable) == "1";

    /// <summary>Returns the path of a program on PATH, or ends the test where it is missing.</summary>
    public static string RequireProgram(string name, string package)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);
        var path = folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            Missing($"program '{name}'", package);
        }

        return path!;
    }

    /// <summary>Returns a file or folder from a Debian package, or ends the test where it is missing.</summary>
    public static string RequirePath(string path, string package)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Missing($"'{path}'", package);
        }

        return path;
    }

    /// <summary>Returns a pydicom sample file, or ends the test where python3-pydicom is missing.</summary>
    public static string PydicomSample(string name)
    {
        var path = Path.Combine(PydicomTestFiles, name);
        if (!File.Exists(path))
        {
            Missing($"'{path}'", "python3-pydicom");
        }

        return path;
    }

    /// <summary>Every .dcm file that python3-pydicom ships, sorted by name.</summary>
    public static IReadOnlyList<string> PydicomSamples()
    {
        var folder = RequirePath(PydicomTestFiles, "python3-pydicom");
        return [.. Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Copies the dicom3tools example into <paramref name="folder"/>, unpacking it where the
    /// package shipped it as <c>0051.dcm.gz</c>; ends the test where neither is installed.
    /// </summary>
    public static string Dicom3ToolsSample(string folder)
    {
        var target = Path.Combine(folder, Path.GetFileName(Dicom3ToolsExample));
        var packed = Dicom3ToolsExample + ".gz";
        if (File.Exists(Dicom3ToolsExample))
        {
            File.Copy(Dicom3ToolsExample, target);
        }
        else if (File.Exists(packed))
        {
            using var input = new GZipStream(File.OpenRead(packed), CompressionMode.Decompress);
            using var output = File.Create(target);
            input.CopyTo(output);
        }
        else
        {
            Missing($"'{Dicom3ToolsExample}' (or .gz)", "dicom3tools");
        }

        return target;
    }

    /// <summary>Ignores the test with the install command, or fails it where AINODE_REQUIRE_PEERS=1.</summary>
    private static void Missing(string missingItem, string package)
    {
        var message = $"{missingItem} not found; install it with: apt-get install -y {package}";
        if (PeersRequired)
        {
            Assert.Fail(message + " (AINODE_REQUIRE_PEERS=1 makes a missing peer a failure)");
        }

        Assert.Ignore(message);
    }
}
