namespace Node.EndToEnd.Tests.Peers;

/// <summary>
/// Finds the peer programs and sample files of Debian packages at run time. Where one is missing
/// the test is ignored with the install command, or fails where AINODE_REQUIRE_PEERS=1 (as in CI).
/// </summary>
internal static class PeerPrograms
{
    public const string PydicomTestFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

    /// <summary>The dicom3tools example, an MR slice; some installs ship it gzipped.</summary>
    public const string Dicom3toolsExample = "/usr/share/doc/dicom3tools/examples/0051.dcm";

    /// <summary>Orthanc's binary from Debian's <c>orthanc</c> package; it is started directly, never as the packaged service.</summary>
    public const string OrthancBinary = "/usr/sbin/Orthanc";

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

    /// <summary>Returns <paramref name="path"/>, or ends the test where the file is missing.</summary>
    public static string RequireFile(string path, string package)
    {
        if (!File.Exists(path))
        {
            Missing($"'{path}'", package);
        }

        return path;
    }

    /// <summary>Returns a pydicom sample, or ends the test where python3-pydicom is missing.</summary>
    public static string PydicomSample(string name) => RequireFile(Path.Combine(PydicomTestFiles, name), "python3-pydicom");

    /// <summary>
    /// Copies the dicom3tools example into <paramref name="folder"/>, unpacking it where the
    /// package shipped it as <c>0051.dcm.gz</c>; ends the test where neither is installed.
    /// </summary>
    public static string Dicom3toolsSample(string folder)
    {
        var target = Path.Combine(folder, Path.GetFileName(Dicom3toolsExample));
        var packed = Dicom3toolsExample + ".gz";
        if (File.Exists(Dicom3toolsExample))
        {
            File.Copy(Dicom3toolsExample, target);
        }
        else if (File.Exists(packed))
        {
            using var input = new System.IO.Compression.GZipStream(File.OpenRead(packed), System.IO.Compression.CompressionMode.Decompress);
            using var output = File.Create(target);
            input.CopyTo(output);
        }
        else
        {
            Missing($"'{Dicom3toolsExample}' (or .gz)", "dicom3tools");
        }

        return target;
    }

    /// <summary>Ignores the test with the install command, or fails it where AINODE_REQUIRE_PEERS=1.</summary>
    private static void Missing(string missingItem, string package)
    {
        var message = $"{missingItem} not found; install it with: apt-get install -y {package}";
        if (Environment.GetEnvironmentVariable("AINODE_REQUIRE_PEERS") == "1")
        {
            Assert.Fail(message + " (AINODE_REQUIRE_PEERS=1 makes a missing peer a failure)");
        }

        Assert.Ignore(message);
    }
}
