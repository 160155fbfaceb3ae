using System.Text.Json;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Json;
using Node.Dicom.Tags;
using Node.Dicom.Tests.Support;

namespace Node.Dicom.Tests.Json;

/// <summary>
/// Compares our DICOM JSON with DCMTK 3.6.7's dcm2json for every pydicom sample file, every
/// pydicom character set sample and the dicom3tools example. Both leave out group lengths at every level. dcm2json leaves out file
/// meta information unless +m is given, and our writer writes only the data set. Both write
/// private elements like any other, and UN as InlineBinary. Both rewrite Specific Character
/// Set as ISO_IR 192. Encapsulated pixel data makes dcm2json stop with "JSON InlineBinary
/// encoding not supported for compressed pixel data", and our writer throws
/// NotSupportedException. For those files the other elements are compared with DCMTK's JSON of
/// a copy whose Pixel Data dcmodify removed.
/// </summary>
[TestFixture]
public sealed class Dcm2JsonComparisonTests
{
    /// <summary>Known-broken samples that both our reader and DCMTK reject.</summary>
    private static readonly Dictionary<string, string> BrokenFiles = new()
    {
        ["MR_truncated.dcm"] = "Pixel Data is longer than the bytes left in the file",
        ["rtplan_truncated.dcm"] = "the file ends inside a sequence",
        ["SC_rgb_jpeg.dcm"] = "the meta information says Explicit VR, but the data set is Implicit VR",
        ["no_meta.dcm"] = "a stray byte before the first tag misaligns every element",
    };

    /// <summary>
    /// Why dcm2json rejects the samples that name ISO 2022 IR 87 (JIS X 0208) in Specific
    /// Character Set. It converts text to UTF-8 through iconv, and reports that the iconv of
    /// GNU libc 2.36 does not support that set.
    /// </summary>
    private const string DcmtkLacksJisX0208 = "dcm2json cannot convert ISO 2022 IR 87 through iconv";

    /// <summary>Samples our writer handles but dcm2json rejects.</summary>
    private static readonly Dictionary<string, string> DcmtkRejects = new()
    {
        ["J2K_pixelrep_mismatch.dcm"] = DcmtkLacksJisX0208,
        ["chrH31.dcm"] = DcmtkLacksJisX0208,
        ["chrH32.dcm"] = DcmtkLacksJisX0208,
        ["chrJapMulti.dcm"] = DcmtkLacksJisX0208,
        ["chrJapMultiExplicitIR6.dcm"] = DcmtkLacksJisX0208,
        ["chrSQEncoding1.dcm"] = DcmtkLacksJisX0208,
    };

    /// <summary>Differences that must appear in one file's comparison, each with its reason.</summary>
    private static readonly Dictionary<string, KnownDifference[]> KnownDifferences = new()
    {
        ["nested_priv_SQ.dcm"] = [OddLengthValuePadded("00010001[0].00010002")],
        ["meta_missing_tsyntax.dcm"] = [OddLengthValuePadded("00010001[0].00010002")],
        ["chrSQEncoding.dcm"] =
        [
            ItemCharacterSetIgnored("00321064[0].00080005"),
            ItemCharacterSetIgnored("00321064[0].00100010"),
        ],
    };

    public static IEnumerable<TestCaseData> SampleFiles()
    {
        foreach (var path in Peers.PydicomSamples())
        {
            yield return new TestCaseData(path).SetName("Json_matches_dcm2json_for_" + Path.GetFileName(path));
        }

        yield return new TestCaseData(Peers.Dicom3ToolsExample).SetName("Json_matches_dcm2json_for_dicom3tools_0051");

        // The character set samples check that text decodes to the same Unicode as DCMTK's.
        var charsetFiles = Directory.Exists(Peers.PydicomCharsetFiles) ? Directory.GetFiles(Peers.PydicomCharsetFiles, "*.dcm") : [];
        foreach (var path in charsetFiles.Order(StringComparer.Ordinal))
        {
            yield return new TestCaseData(path).SetName("Json_matches_dcm2json_for_charset_" + Path.GetFileName(path));
        }
    }

    [TestCaseSource(nameof(SampleFiles))]
    public void Json_matches_dcm2json(string path)
    {
        var dcm2json = Peers.RequireProgram("dcm2json", "dcmtk");
        Peers.RequirePath(path, path.StartsWith(Peers.Dicom3ToolsExample, StringComparison.Ordinal) ? "dicom3tools" : "python3-pydicom");
        var name = Path.GetFileName(path);

        if (BrokenFiles.TryGetValue(name, out var fault))
        {
            Assert.That(() => DicomFile.Open(path), Throws.InstanceOf<DicomFormatException>(), fault);
            Assert.That(ProgramRun.Run(dcm2json, path).ExitCode, Is.Not.Zero, fault);
            return;
        }

        var dataset = DicomFile.Open(path).Dataset;
        var encapsulated = dataset.GetElement(DicomTags.PixelData) is DicomFragmentSequence;
        if (encapsulated)
        {
            Assert.That(() => DicomJsonWriter.Serialize(dataset), Throws.InstanceOf<NotSupportedException>());
            Assert.That(ProgramRun.Run(dcm2json, path).ExitCode, Is.Not.Zero, "dcm2json rejects encapsulated pixel data");
            RemoveWhatDcmodifyRemoves(dataset);
        }

        using var ours = JsonDocument.Parse(DicomJsonWriter.Serialize(dataset));
        if (DcmtkRejects.TryGetValue(name, out var reason))
        {
            Assert.That(ProgramRun.Run(dcm2json, path).ExitCode, Is.Not.Zero, reason);
            return;
        }

        using var theirs = JsonDocument.Parse(encapsulated ? Dcm2JsonWithoutPixelData(dcm2json, path) : ProgramRun.RunChecked(dcm2json, path));
        var differences = DicomJsonComparer.Compare(ours.RootElement, theirs.RootElement);
        var known = KnownDifferences.GetValueOrDefault(name, []);

        var unexpected = differences.Where(difference => !known.Any(k => k.Matches(difference))).ToList();
        var vanished = known.Where(k => !differences.Any(k.Matches)).ToList();
        Assert.That(unexpected, Is.Empty, "differences from dcm2json");
        Assert.That(vanished, Is.Empty, "listed differences that no longer occur");
    }

    /// <summary>
    /// Removes Pixel Data, which dcmodify -ea erases, and Data Set Trailing Padding
    /// (FFFC,FFFC), which dcmodify 3.6.7 drops when it writes the copy.
    /// </summary>
    private static void RemoveWhatDcmodifyRemoves(DicomDataset dataset)
    {
        dataset.Remove(DicomTags.PixelData);
        dataset.Remove(DicomTags.DataSetTrailingPadding);
    }

    private static string Dcm2JsonWithoutPixelData(string dcm2json, string path)
    {
        var copy = Path.Combine(Path.GetTempPath(), "ainode-" + Guid.NewGuid() + ".dcm");
        try
        {
            File.Copy(path, copy);
            ProgramRun.RunChecked(Peers.RequireProgram("dcmodify", "dcmtk"), "-nb", "-ea", "(7fe0,0010)", copy);
            return ProgramRun.RunChecked(dcm2json, copy);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private static KnownDifference OddLengthValuePadded(string path) => new(
        JsonDifferenceKind.Value,
        path,
        "the value has odd length 9 in an Implicit VR file; DCMTK pads it with a NUL byte, we write the 9 bytes stored");

    private static KnownDifference ItemCharacterSetIgnored(string path) => new(
        JsonDifferenceKind.Value,
        path,
        "the item names its own Specific Character Set (ISO 2022 IR 13 and 87). DCMTK 3.6.7 leaves that item unconverted: it keeps the item's terms and writes its PN bytes with the escape sequences, where we decode them");

    /// <summary>A difference a file must show, at one path, and why it is right.</summary>
    private sealed record KnownDifference(JsonDifferenceKind Kind, string Path, string Reason)
    {
        public bool Matches(JsonDifference difference) => difference.Kind == Kind && difference.Path == Path;
    }
}
