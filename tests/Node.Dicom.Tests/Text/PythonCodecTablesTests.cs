using System.Text.Json;
using System.Text.Json.Serialization;
using Node.Dicom.Text;
using Node.Dicom.Vr;
using NUnit.Framework;

namespace Node.Dicom.Tests.Text;

/// <summary>
/// Decodes every position of every graphic character set, reached through its escape sequence,
/// and compares with CPython's codec for the set, the codec pydicom decodes with.
/// </summary>
[TestFixture]
public sealed class PythonCodecTablesTests
{
    private const string HelperScript = "python_codec_tables.py";
    private const char Replacement = '\uFFFD';

    /// <summary>
    /// Codes that Python rejects but the .NET code pages, and so our decoder, define. They are the
    /// NEC special characters in JIS X 0208 row 13 (circled digits, Roman numerals), the IBM
    /// extensions that code page 20932 places in rows 0x73-0x74 of JIS X 0212, HANGUL FILLER at
    /// KS X 1001 0x2454, and NO-BREAK SPACE at TIS 620 0xA0 as ISO 8859-11 defines it.
    /// </summary>
    private static readonly Dictionary<string, string[]> AllowedExtraPrefixes = new()
    {
        ["ISO-IR 87"] = ["2D"],
        ["ISO-IR 159"] = ["73", "74"],
        ["ISO-IR 149"] = ["2454"],
        ["ISO-IR 166"] = ["A0"],
    };

    /// <summary>
    /// The escape sequence of each set as PS3.3 Tables C.12-3 and C.12-4 give it, the term that
    /// declares it, and whether it is a G1 set whose bytes carry the high bit.
    /// </summary>
    private static readonly SetCase[] Sets =
    [
        new("ISO-IR 100", "ISO 2022 IR 100", "1B2D41", DoubleByte: false, G1: true),
        new("ISO-IR 101", "ISO 2022 IR 101", "1B2D42", DoubleByte: false, G1: true),
        new("ISO-IR 109", "ISO 2022 IR 109", "1B2D43", DoubleByte: false, G1: true),
        new("ISO-IR 110", "ISO 2022 IR 110", "1B2D44", DoubleByte: false, G1: true),
        new("ISO-IR 126", "ISO 2022 IR 126", "1B2D46", DoubleByte: false, G1: true),
        new("ISO-IR 127", "ISO 2022 IR 127", "1B2D47", DoubleByte: false, G1: true),
        new("ISO-IR 138", "ISO 2022 IR 138", "1B2D48", DoubleByte: false, G1: true),
        new("ISO-IR 144", "ISO 2022 IR 144", "1B2D4C", DoubleByte: false, G1: true),
        new("ISO-IR 148", "ISO 2022 IR 148", "1B2D4D", DoubleByte: false, G1: true),
        new("ISO-IR 203", "ISO 2022 IR 203", "1B2D62", DoubleByte: false, G1: true),
        new("ISO-IR 166", "ISO 2022 IR 166", "1B2D54", DoubleByte: false, G1: true),
        new("ISO-IR 13", "ISO 2022 IR 13", "1B2949", DoubleByte: false, G1: true),
        new("ISO-IR 87", "ISO 2022 IR 87", "1B2442", DoubleByte: true, G1: false),
        new("ISO-IR 159", "ISO 2022 IR 159", "1B242844", DoubleByte: true, G1: false),
        new("ISO-IR 149", "ISO 2022 IR 149", "1B242943", DoubleByte: true, G1: true),
        new("ISO-IR 58", "ISO 2022 IR 58", "1B242941", DoubleByte: true, G1: true),
    ];

    private Dictionary<string, Dictionary<string, string?>> pythonTables = null!;

    [OneTimeSetUp]
    public void RunPython()
    {
        PythonPeer.RequireInterpreter();
        var json = PythonPeer.RunScript(HelperScript, []);
        var output = JsonSerializer.Deserialize<HelperOutput>(json) ?? throw new InvalidDataException($"{HelperScript} printed no JSON.");
        pythonTables = output.Tables;
    }

    [TestCaseSource(nameof(Sets))]
    public void Decode_matches_python_codec_for_set(SetCase set)
    {
        var decoded = DecodeEveryCode(set);
        var python = pythonTables[set.Registration];
        var allowedPrefixes = AllowedExtraPrefixes.GetValueOrDefault(set.Registration, []);
        var mismatches = new List<string>();
        var unexpectedExtras = new List<string>();

        foreach (var (code, character) in decoded)
        {
            var expected = python[code];
            if (expected is not null && character.ToString() != expected)
            {
                mismatches.Add($"{code}: U+{(int)character:X4}, Python U+{(int)expected[0]:X4}");
            }
            else if (expected is null && character != Replacement && !allowedPrefixes.Any(code.StartsWith))
            {
                unexpectedExtras.Add($"{code}: U+{(int)character:X4}");
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mismatches, Is.Empty, "codes decoded otherwise than Python decodes them");
            Assert.That(unexpectedExtras, Is.Empty, "codes Python rejects that decode to a character");
        }
    }

    /// <summary>Decodes all codes of a set through the public decoder; returns them keyed as the helper keys them.</summary>
    private static IEnumerable<(string Code, char Character)> DecodeEveryCode(SetCase set)
    {
        var characterSet = DicomCharacterSet.FromTerms(["", set.Term]);
        var escape = Convert.FromHexString(set.EscapeSequence);
        var highBit = set.G1 ? (byte)0x80 : (byte)0;

        if (!set.DoubleByte)
        {
            var codes = Enumerable.Range(0xA0, 0x60).Select(code => (byte)code).ToArray();
            var text = characterSet.Decode([.. escape, .. codes], DicomVR.PN);
            Assert.That(text, Has.Length.EqualTo(codes.Length), set.Registration);
            return codes.Select((code, index) => ($"{code:X2}", text[index]));
        }

        var result = new List<(string, char)>();
        for (var row = 0x21; row <= 0x7E; row++)
        {
            var pairs = Enumerable.Range(0x21, 94).SelectMany(cell => new[] { (byte)(row | highBit), (byte)(cell | highBit) }).ToArray();
            var text = characterSet.Decode([.. escape, .. pairs], DicomVR.PN);
            Assert.That(text, Has.Length.EqualTo(94), $"{set.Registration} row {row:X2}");
            result.AddRange(text.Select((character, index) => ($"{row:X2}{0x21 + index:X2}", character)));
        }

        return result;
    }

    public sealed record SetCase(string Registration, string Term, string EscapeSequence, bool DoubleByte, bool G1)
    {
        public override string ToString() => Registration;
    }

    private sealed record HelperOutput(
        [property: JsonPropertyName("python")] string PythonVersion,
        [property: JsonPropertyName("tables")] Dictionary<string, Dictionary<string, string?>> Tables);
}
