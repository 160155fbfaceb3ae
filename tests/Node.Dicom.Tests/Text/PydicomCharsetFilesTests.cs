using System.Text.Json;
using System.Text.Json.Serialization;
using Node.Dicom.Text;
using Node.Dicom.Vr;
using NUnit.Framework;

namespace Node.Dicom.Tests.Text;

/// <summary>
/// Decodes every character-set-governed text element of pydicom's charset sample files from its
/// raw bytes and compares with pydicom's decoding of the same bytes.
/// </summary>
[TestFixture]
public sealed class PydicomCharsetFilesTests
{
    private const string HelperScript = "pydicom_text_values.py";

    private static readonly string[] SampleFiles =
    [
        "chrArab.dcm", "chrFren.dcm", "chrFrenMulti.dcm", "chrGerm.dcm", "chrGreek.dcm", "chrH31.dcm",
        "chrH32.dcm", "chrHbrw.dcm", "chrI2.dcm", "chrJapMulti.dcm", "chrJapMultiExplicitIR6.dcm",
        "chrKoreanMulti.dcm", "chrRuss.dcm", "chrSQEncoding.dcm", "chrSQEncoding1.dcm", "chrX1.dcm", "chrX2.dcm",
    ];

    private HelperOutput output = null!;

    [OneTimeSetUp]
    public void RunPydicom()
    {
        PythonPeer.RequirePydicom();
        var paths = Directory.GetFiles(PythonPeer.CharsetFilesFolder, "*.dcm").Order(StringComparer.Ordinal);
        var json = PythonPeer.RunScript(HelperScript, paths);
        output = JsonSerializer.Deserialize<HelperOutput>(json) ?? throw new InvalidDataException($"{HelperScript} printed no JSON.");
    }

    [Test]
    [Description("Guards against a helper that silently finds nothing: every known sample file yields records.")]
    public void Helper_reports_every_sample_file()
    {
        var filesWithRecords = output.Records.Select(record => record.File).Distinct().ToArray();

        Assert.That(filesWithRecords, Is.SupersetOf(SampleFiles));
    }

    [Test]
    [Description("Non-ASCII values exercise the character sets, because plain ASCII decodes alike under every set.")]
    public void Helper_reports_non_ascii_in_every_file()
    {
        var filesWithNonAscii = output.Records
            .Where(record => record.Values.Any(value => !DicomCharacterSet.IsAscii(value)))
            .Select(record => record.File)
            .Distinct();

        Assert.That(filesWithNonAscii, Is.SupersetOf(SampleFiles));
    }

    [TestCaseSource(nameof(SampleFiles))]
    public void Decode_matches_pydicom_for_file(string fileName)
    {
        var records = output.Records.Where(record => record.File == fileName).ToArray();
        Assume.That(records, Is.Not.Empty, $"pydicom reported no text element of {fileName}");

        using (Assert.EnterMultipleScope())
        {
            foreach (var record in records)
            {
                var decoded = DecodeAsPydicomSplits(record);

                Assert.That(decoded, Is.EqualTo(record.Values), $"{record.Path} {record.Vr} under [{string.Join('\\', record.Terms)}], bytes {record.Hex}");
            }
        }
    }

    [Test]
    public void Terms_of_sample_files_are_all_recognized()
    {
        var unknown = output.Records
            .SelectMany(record => DicomCharacterSet.FromTerms(record.Terms).UnknownTerms)
            .Distinct()
            .ToArray();

        Assert.That(unknown, Is.Empty);
    }

    /// <summary>
    /// Decodes the whole value and splits it as pydicom does. For PN pydicom trims the padding of
    /// the whole value before splitting, and for the other VRs it splits first and trims each value.
    /// </summary>
    private static string[] DecodeAsPydicomSplits(HelperRecord record)
    {
        var vr = DicomVR.Parse(record.Vr);
        var characterSet = DicomCharacterSet.FromTerms(record.Terms);
        var decoded = characterSet.Decode(Convert.FromHexString(record.Hex), vr);

        if (vr == DicomVR.PN)
        {
            return decoded.TrimEnd(' ', '\0').Split('\\');
        }

        var values = vr.IsMultiValued ? decoded.Split('\\') : [decoded];
        return values.Select(value => value.TrimEnd(' ', '\0')).ToArray();
    }

    private sealed record HelperOutput(
        [property: JsonPropertyName("pydicom")] string PydicomVersion,
        [property: JsonPropertyName("records")] IReadOnlyList<HelperRecord> Records);

    private sealed record HelperRecord(
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("terms")] IReadOnlyList<string> Terms,
        [property: JsonPropertyName("vr")] string Vr,
        [property: JsonPropertyName("hex")] string Hex,
        [property: JsonPropertyName("values")] IReadOnlyList<string> Values);
}
