namespace Node.Dicom.Tests.Support;

/// <summary>The sample files the round-trip and mutation tests read, found at run time in Debian packages.</summary>
internal static class Samples
{
    /// <summary>
    /// pydicom samples that are broken on purpose, and that DCMTK's dcmdump rejects too:
    /// truncated files, a file whose meta information names Explicit VR for an Implicit VR data
    /// set, and a file that starts with one stray byte.
    /// </summary>
    public static readonly IReadOnlySet<string> KnownBroken = new HashSet<string>(StringComparer.Ordinal)
    {
        "MR_truncated.dcm", "rtplan_truncated.dcm", "SC_rgb_jpeg.dcm", "no_meta.dcm",
    };

    /// <summary>
    /// Returns the path of every readable sample: the pydicom samples except
    /// <see cref="KnownBroken"/>, and dicom3tools' example file. Where a package is missing its
    /// folder is returned in place of its files, so the test that gets it reports the package.
    /// </summary>
    public static IEnumerable<string> Readable()
    {
        if (!Directory.Exists(Peers.PydicomTestFiles))
        {
            yield return Peers.PydicomTestFiles;
        }
        else
        {
            var files = Directory.GetFiles(Peers.PydicomTestFiles, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
            foreach (var file in files.Where(file => !KnownBroken.Contains(Path.GetFileName(file))))
            {
                yield return file;
            }
        }

        yield return Peers.Dicom3ToolsExample;
    }

    /// <summary>Returns a pydicom sample's path, or ends the test where python3-pydicom is missing.</summary>
    public static string Pydicom(string name) =>
        Peers.RequirePath(Path.Combine(Peers.PydicomTestFiles, name), "python3-pydicom");

    /// <summary>Returns the package that ships <paramref name="path"/>, for the install hint.</summary>
    public static string PackageOf(string path) =>
        path.StartsWith(Peers.PydicomTestFiles, StringComparison.Ordinal) ? "python3-pydicom" : "dicom3tools";
}
