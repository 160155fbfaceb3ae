using System.Diagnostics;
using Node.Dicom.Tests.Dictionary;
using Node.Dicom.Uids;
using NUnit.Framework;

namespace Node.Dicom.Tests.Uids;

/// <summary>
/// Compares the UID registry with pydicom's (Debian python3-pydicom), an independent reading of
/// PS3.6 Table A-1 from an older edition.
/// </summary>
[TestFixture]
public sealed class DicomUidRegistryPydicomTests
{
    private const int PythonTimeoutMilliseconds = 60_000;

    /// <summary>Prints "UID|keyword|type" for each entry of pydicom's UID dictionary.</summary>
    private const string ListUidsScript = """
        from pydicom._uid_dict import UID_dictionary
        for uid, (name, kind, info, retired, keyword) in UID_dictionary.items():
            print(uid + "|" + keyword + "|" + kind)
        """;

    /// <summary>The pydicom types whose rows the two registries must share, with our type for each.</summary>
    private static readonly Dictionary<string, DicomUidType> ComparedTypes = new(StringComparer.Ordinal)
    {
        ["Transfer Syntax"] = DicomUidType.TransferSyntax,
        ["SOP Class"] = DicomUidType.SopClass,
        ["Meta SOP Class"] = DicomUidType.MetaSopClass,
    };

    [Test]
    [Description("Transfer syntaxes and SOP classes keep their UID, keyword and type from edition to edition.")]
    public void Registry_agrees_with_pydicom_on_SOP_classes_and_transfer_syntaxes()
    {
        var rows = ListPydicomUids()
            .Select(line => line.Split('|'))
            .Where(fields => fields.Length == 3 && fields[1].Length > 0 && ComparedTypes.ContainsKey(fields[2]))
            .ToList();
        var disagreements = rows
            .Where(fields => DicomUidRegistry.Find(fields[0]) is not { } info || info.Keyword != fields[1] || info.Type != ComparedTypes[fields[2]])
            .Select(fields => $"{fields[0]}: pydicom {fields[1]} ({fields[2]}), ours {DicomUidRegistry.Find(fields[0])}");

        Assert.That(rows, Has.Count.GreaterThan(250), "pydicom rows compared");
        Assert.That(disagreements, Is.Empty);
    }

    private static List<string> ListPydicomUids()
    {
        if (!File.Exists(DictionaryPeers.SystemPython))
        {
            DictionaryPeers.ReportMissing($"Python at {DictionaryPeers.SystemPython}", DictionaryPeers.PydicomInstallCommand);
        }

        var start = new ProcessStartInfo(DictionaryPeers.SystemPython, ["-c", ListUidsScript])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var python = Process.Start(start) ?? throw new InvalidOperationException($"{DictionaryPeers.SystemPython} did not start.");
        var outputTask = python.StandardOutput.ReadToEndAsync();
        var errorTask = python.StandardError.ReadToEndAsync();
        if (!python.WaitForExit(PythonTimeoutMilliseconds))
        {
            python.Kill();
            Assert.Fail($"{DictionaryPeers.SystemPython} did not finish listing pydicom's UIDs within {PythonTimeoutMilliseconds} ms.");
        }

        if (python.ExitCode != 0 && errorTask.Result.Contains("ModuleNotFoundError", StringComparison.Ordinal))
        {
            DictionaryPeers.ReportMissing("pydicom", DictionaryPeers.PydicomInstallCommand);
        }

        Assert.That(python.ExitCode, Is.Zero, $"{DictionaryPeers.SystemPython} failed to list pydicom's UIDs: {errorTask.Result}");

        return [.. outputTask.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
