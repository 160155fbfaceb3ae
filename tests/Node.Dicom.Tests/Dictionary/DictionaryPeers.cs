using NUnit.Framework;

namespace Node.Dicom.Tests.Dictionary;

/// <summary>
/// Finds the peer programs and files that the dictionary and UID tests compare against, and
/// ignores or fails a test whose peer is missing, as AINODE_REQUIRE_PEERS decides.
/// </summary>
internal static class DictionaryPeers
{
    public const string RequirePeersVariable = "AINODE_REQUIRE_PEERS";

    public const string DcmtkInstallCommand = "sudo apt-get install dcmtk";

    public const string PydicomInstallCommand = "sudo apt-get install python3-pydicom";

    /// <summary>The Python that Debian's python3-pydicom installs into; another python3 on PATH may lack pydicom.</summary>
    public const string SystemPython = "/usr/bin/python3";

    private const string DcmtkDataRoot = "/usr/share";

    private const string DcmtkDataFolderPattern = "libdcmtk*";

    private const string DcmtkDictionaryFileName = "dicom.dic";

    /// <summary>Finds DCMTK's data dictionary, /usr/share/libdcmtk*/dicom.dic, newest folder name first.</summary>
    public static string? FindDcmtkDictionary()
    {
        if (!Directory.Exists(DcmtkDataRoot))
        {
            return null;
        }

        return Directory.GetDirectories(DcmtkDataRoot, DcmtkDataFolderPattern)
            .OrderByDescending(folder => folder, StringComparer.Ordinal)
            .Select(folder => Path.Combine(folder, DcmtkDictionaryFileName))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Ends the test because a peer is missing: fails when AINODE_REQUIRE_PEERS is 1, and is
    /// ignored otherwise.
    /// </summary>
    public static void ReportMissing(string peer, string installCommand)
    {
        var message = $"{peer} is missing; install it with: {installCommand}";
        if (Environment.GetEnvironmentVariable(RequirePeersVariable) == "1")
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
    }
}
