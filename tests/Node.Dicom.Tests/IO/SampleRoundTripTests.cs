using Node.Dicom.Data;
using Node.Dicom.Dictionary;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Tests.Support;
using Node.Dicom.Uids;

namespace Node.Dicom.Tests.IO;

/// <summary>
/// Reads every readable sample file, writes it back and checks the result three ways. Our
/// reader must get the same data set, and DCMTK's dcmdump must parse the file cleanly.
/// dicom3tools' dciodvfy must find no error in it that it did not find in the original.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class SampleRoundTripTests
{
    /// <summary>dciodvfy's line for a data set it could not parse, for example a deflated one.</summary>
    private const string DciodvfyReadFailed = "Error - Dicom dataset read failed";

    /// <summary>
    /// dciodvfy errors that our file may have and the original not, each with the condition
    /// under which it is accepted and why.
    /// </summary>
    private static readonly AcceptedError[] AcceptedErrors =
    [
        // PS3.10 makes (0002,0002) and (0002,0003) Type 1, and they come from the data set's SOP
        // Class and Instance UIDs. Without those the writer can only leave them empty; DCMTK's
        // dcmconv invents UIDs there and gets the same two errors.
        new("Error - MediaStorageSOPClassUID but missing SOPClassUID and not a directory", dataset => !dataset.Contains(DicomTags.SOPClassUID)),
        new("Error - MediaStorageSOPInstanceUID but missing SOPInstanceUID and not a directory", dataset => !dataset.Contains(DicomTags.SOPInstanceUID)),
    ];

    private static IEnumerable<TestCaseData> SampleFiles() =>
        Samples.Readable().Select(path => new TestCaseData(path).SetArgDisplayNames(Path.GetFileName(path)));

    [TestCaseSource(nameof(SampleFiles))]
    [Description("Explicit VR always; Implicit VR unless an element's VR contradicts the dictionary; encapsulated and deflated syntaxes also as they are.")]
    public void Sample_round_trips_through_writer(string path)
    {
        Peers.RequirePath(path, Samples.PackageOf(path));
        var original = DicomFile.Open(path);
        var originalSyntax = original.TransferSyntax;
        var folder = Directory.CreateTempSubdirectory("ainode-roundtrip-");
        try
        {
            var originalChecks = CheckWithPeers(path, folder.FullName);
            foreach (var syntax in SyntaxesToWrite(originalSyntax))
            {
                original.TransferSyntax = syntax;
                CheckRewrite(original, syntax, originalChecks, folder.FullName);
            }
        }
        finally
        {
            original.TransferSyntax = originalSyntax;
            folder.Delete(recursive: true);
        }
    }

    private static IEnumerable<DicomTransferSyntax> SyntaxesToWrite(DicomTransferSyntax original)
    {
        if (original.IsEncapsulated)
        {
            yield return original;
            yield break;
        }

        yield return DicomTransferSyntax.ExplicitVRLittleEndian;
        yield return DicomTransferSyntax.ImplicitVRLittleEndian;
        if (original.IsDeflated)
        {
            yield return original;
        }
    }

    private static void CheckRewrite(DicomFile original, DicomTransferSyntax syntax, PeerReport originalChecks, string folder)
    {
        byte[] written;
        try
        {
            written = original.ToBytes();
        }
        catch (DicomFormatException exception) when (!syntax.IsExplicitVR)
        {
            AssertContradictsDictionary(original.Dataset, exception);
            TestContext.Out.WriteLine($"{syntax.Name}: not writable, as expected: {exception.Message}");
            return;
        }

        Assert.That(original.ToBytes(), Is.EqualTo(written), $"{syntax.Name}: a second write gives other bytes");

        var readBack = DicomFile.Read(written);
        Assert.That(readBack.TransferSyntax, Is.EqualTo(syntax), $"{syntax.Name}: transfer syntax read back");
        var vrRule = syntax.IsExplicitVR ? VRMatch.Exact : VRMatch.ImplicitVR;
        var difference = DatasetComparer.FindFirstDifference(original.Dataset, readBack.Dataset, vrRule);
        Assert.That(difference, Is.Null, $"{syntax.Name}: the data set read back differs");

        var file = Path.Combine(folder, $"written-{syntax.Uid}.dcm");
        File.WriteAllBytes(file, written);
        var checks = CheckWithPeers(file, folder);
        Assert.That(checks.DcmdumpExitCode, Is.Zero, $"{syntax.Name}: dcmdump exit code; errors: {string.Join(" | ", checks.DcmdumpErrors)}");
        if (originalChecks.DcmdumpErrors.Count == 0)
        {
            Assert.That(checks.DcmdumpErrors, Is.Empty, $"{syntax.Name}: dcmdump error lines");
        }

        var newErrors = checks.DciodvfyErrors.Except(originalChecks.DciodvfyErrors)
            .Where(error => !AcceptedErrors.Any(accepted => accepted.Line == error && accepted.Applies(original.Dataset)));
        Assert.That(newErrors, Is.Empty, $"{syntax.Name}: dciodvfy errors not reported on the original");
    }

    /// <summary>Checks that the writer refused Implicit VR for the reason it may: an element whose VR contradicts the dictionary.</summary>
    private static void AssertContradictsDictionary(DicomDataset dataset, DicomFormatException exception)
    {
        Assert.That(exception.Tag, Is.Not.Null, "the exception names no tag: " + exception.Message);
        var element = FindElement(dataset, exception.Tag!.Value);
        Assert.That(element, Is.Not.Null, $"the exception names {exception.Tag}, which the data set does not contain");
        var known = DicomDictionary.TryFind(element!.Tag, out var entry);
        Assert.That(known, Is.True, $"{element.Tag} is not in the dictionary");
        Assert.That(entry!.ValueRepresentations, Does.Not.Contain(element.VR), $"{element.Tag} has a VR the dictionary allows");
    }

    private static DicomElement? FindElement(DicomDataset dataset, DicomTag tag)
    {
        foreach (var element in dataset)
        {
            if (element.Tag == tag)
            {
                return element;
            }

            var nested = (element as DicomSequence)?.Items.Select(item => FindElement(item, tag)).FirstOrDefault(found => found is not null);
            if (nested is not null)
            {
                return nested;
            }
        }

        return null;
    }

    /// <summary>
    /// Runs dcmdump and dciodvfy on a file. Where dciodvfy cannot parse the data set (it reads
    /// no deflated data sets), DCMTK's inflated copy of the file adds its errors to the baseline.
    /// </summary>
    private static PeerReport CheckWithPeers(string path, string folder)
    {
        var (exitCode, dumpErrors) = PeerChecks.Dcmdump(path);
        var validatorErrors = new HashSet<string>(PeerChecks.DciodvfyErrors(path), StringComparer.Ordinal);
        if (validatorErrors.Contains(DciodvfyReadFailed))
        {
            var converted = Path.Combine(folder, "dcmconv-explicit.dcm");
            PeerChecks.Dcmconv(path, converted, "+te");
            validatorErrors.UnionWith(PeerChecks.DciodvfyErrors(converted));
        }

        return new PeerReport(exitCode, dumpErrors, validatorErrors);
    }

    private sealed record AcceptedError(string Line, Func<DicomDataset, bool> Applies);

    private sealed record PeerReport(int DcmdumpExitCode, IReadOnlyList<string> DcmdumpErrors, IReadOnlySet<string> DciodvfyErrors);
}
