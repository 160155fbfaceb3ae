using System.Text.Json;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Json;
using Node.Dicom.Tags;
using Node.Dicom.Tests.Support;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.Json;

[TestFixture]
public sealed class DicomJsonWriterTests
{
    /// <summary>
    /// The sample data set as PS3.18 F.2 encodes it, written by hand. Numbers are JSON numbers
    /// (DS ".5" as 0.5, IS "+007" as 7), but SV and UV beyond 2^53 - 1 are strings. AT is eight
    /// hex digits, bulk VRs and UN are Base64 InlineBinary, and PN is an object of component
    /// groups. An empty value has no "Value", an empty value among others is null, the group
    /// length is left out, and Specific Character Set is ISO_IR 192 because JSON text is Unicode.
    /// </summary>
    private const string ExpectedSampleJson = """
        {
          "00080005": {
            "vr": "CS",
            "Value": [
              "ISO_IR 192"
            ]
          },
          "00080008": {
            "vr": "CS",
            "Value": [
              "ORIGINAL",
              null,
              "AXIAL"
            ]
          },
          "00080018": {
            "vr": "UI",
            "Value": [
              "1.2.826.0.1.3680043.10.1234.1"
            ]
          },
          "00080020": {
            "vr": "DA",
            "Value": [
              "20240131"
            ]
          },
          "0008002A": {
            "vr": "DT",
            "Value": [
              "20240131123045.5+0100"
            ]
          },
          "00080030": {
            "vr": "TM",
            "Value": [
              "123045.5"
            ]
          },
          "00080050": {
            "vr": "SH"
          },
          "00080054": {
            "vr": "AE",
            "Value": [
              "AINODE"
            ]
          },
          "00080081": {
            "vr": "ST",
            "Value": [
              "1 Main Street\r\nSpringfield"
            ]
          },
          "00080119": {
            "vr": "UC",
            "Value": [
              "A long code value"
            ]
          },
          "00081140": {
            "vr": "SQ",
            "Value": [
              {
                "00081150": {
                  "vr": "UI",
                  "Value": [
                    "1.2.840.10008.5.1.4.1.1.2"
                  ]
                },
                "00081155": {
                  "vr": "UI",
                  "Value": [
                    "1.2.826.0.1.3680043.10.1234.2"
                  ]
                },
                "0040A170": {
                  "vr": "SQ",
                  "Value": [
                    {
                      "00080100": {
                        "vr": "SH",
                        "Value": [
                          "121311"
                        ]
                      },
                      "00080102": {
                        "vr": "SH",
                        "Value": [
                          "DCM"
                        ]
                      },
                      "00080104": {
                        "vr": "LO",
                        "Value": [
                          "Localizer"
                        ]
                      }
                    }
                  ]
                }
              },
              {}
            ]
          },
          "00081161": {
            "vr": "UL",
            "Value": [
              1,
              4294967295
            ]
          },
          "00081163": {
            "vr": "FD",
            "Value": [
              0.5,
              -1.25E-05
            ]
          },
          "00081190": {
            "vr": "UR",
            "Value": [
              "http://127.0.0.1:8080/studies"
            ]
          },
          "00089459": {
            "vr": "FL",
            "Value": [
              0.1
            ]
          },
          "00090010": {
            "vr": "LO",
            "Value": [
              "AINODE TEST"
            ]
          },
          "00091001": {
            "vr": "UN",
            "InlineBinary": "QUI="
          },
          "00100010": {
            "vr": "PN",
            "Value": [
              {
                "Alphabetic": "Yamada^Tarou",
                "Ideographic": "山田^太郎",
                "Phonetic": "やまだ^たろう"
              }
            ]
          },
          "00100020": {
            "vr": "LO",
            "Value": [
              "ID-0001"
            ]
          },
          "00101010": {
            "vr": "AS",
            "Value": [
              "042Y"
            ]
          },
          "001021B0": {
            "vr": "LT",
            "Value": [
              "Line one\r\nLine two"
            ]
          },
          "00186020": {
            "vr": "SL",
            "Value": [
              -5
            ]
          },
          "00189219": {
            "vr": "SS",
            "Value": [
              -90
            ]
          },
          "00200013": {
            "vr": "IS",
            "Value": [
              7
            ]
          },
          "00280009": {
            "vr": "AT",
            "Value": [
              "00181063"
            ]
          },
          "00280010": {
            "vr": "US",
            "Value": [
              512
            ]
          },
          "00280030": {
            "vr": "DS",
            "Value": [
              0.5,
              1.25E1
            ]
          },
          "00281201": {
            "vr": "OW",
            "InlineBinary": "AQD//w=="
          },
          "0040A160": {
            "vr": "UT",
            "Value": [
              "Finding: none."
            ]
          },
          "00420011": {
            "vr": "OB",
            "InlineBinary": "JVBERg=="
          },
          "00640009": {
            "vr": "OF",
            "InlineBinary": "AADAPw=="
          },
          "00660040": {
            "vr": "OL",
            "InlineBinary": "BwAAAA=="
          },
          "0070150D": {
            "vr": "OD",
            "InlineBinary": "AAAAAAAAAEA="
          },
          "00720081": {
            "vr": "OV",
            "InlineBinary": "AQAAAAAAAAA="
          },
          "00720082": {
            "vr": "SV",
            "Value": [
              -9007199254740991,
              "9007199254740992"
            ]
          },
          "00720083": {
            "vr": "UV",
            "Value": [
              "18446744073709551615"
            ]
          }
        }
        """;

    [Test]
    public void Writer_encodes_every_vr_as_specified()
    {
        var json = DicomJsonWriter.Serialize(SampleDataset.Build(), new DicomJsonWriterOptions { Indented = true });

        Assert.That(json, Is.EqualTo(ExpectedSampleJson));
    }

    [Test]
    [Description("DCMTK is the independent reference: the same data set saved as a file must give the same JSON.")]
    public void Writer_matches_dcm2json_for_sample()
    {
        var dcm2json = Peers.RequireProgram("dcm2json", "dcmtk");
        var path = Path.Combine(Path.GetTempPath(), "ainode-" + Guid.NewGuid() + ".dcm");
        var dataset = SampleDataset.Build();
        dataset.SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7");
        try
        {
            new DicomFile(dataset).Save(path);
            using var theirs = JsonDocument.Parse(ProgramRun.RunChecked(dcm2json, path));
            using var ours = JsonDocument.Parse(DicomJsonWriter.Serialize(dataset));

            Assert.That(DicomJsonComparer.Compare(ours.RootElement, theirs.RootElement), Is.Empty);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Writer_is_compact_by_default()
    {
        var dataset = new DicomDataset();
        dataset.SetValues<ushort>(DicomTags.Rows, DicomVR.US, 512, 256);

        Assert.That(DicomJsonWriter.Serialize(dataset), Is.EqualTo("""{"00280010":{"vr":"US","Value":[512,256]}}"""));
    }

    [Test]
    public void Writer_indents_by_indent_size()
    {
        var dataset = new DicomDataset();
        dataset.SetValues<ushort>(DicomTags.Rows, DicomVR.US, 512);

        var json = DicomJsonWriter.Serialize(dataset, new DicomJsonWriterOptions { Indented = true, IndentSize = 4 });

        Assert.That(json, Is.EqualTo("{\n    \"00280010\": {\n        \"vr\": \"US\",\n        \"Value\": [\n            512\n        ]\n    }\n}"));
    }

    [TestCase("+1.50", "1.50")]
    [TestCase("-.5", "-0.5")]
    [TestCase("5.", "5")]
    [TestCase("007", "7")]
    [TestCase("0", "0")]
    [TestCase("1e+02", "1E02")]
    [TestCase("-2.5E-3", "-2.5E-3")]
    [Description("JSON (RFC 8259) forbids a leading '+', leading zeros and a bare decimal point, which DS allows; the value must stay the same.")]
    public void Writer_rewrites_decimal_string_as_json_number(string text, string expected)
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.PixelSpacing, DicomVR.DS, text);

        Assert.That(ValueText(dataset, DicomTags.PixelSpacing), Is.EqualTo(expected));
    }

    [TestCase(DicomVRCode.DS, "1.5.2")]
    [TestCase(DicomVRCode.DS, "e5")]
    [TestCase(DicomVRCode.DS, "1E")]
    [TestCase(DicomVRCode.IS, "1.5")]
    [TestCase(DicomVRCode.IS, "twelve")]
    [Description("A JSON number cannot hold a value that is not a number, so it stays a string, as in DCMTK's dcm2json.")]
    public void Writer_keeps_invalid_number_as_string(DicomVRCode code, string text)
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.InstanceNumber, DicomVR.Parse(code.ToString()), text);

        Assert.That(ValueText(dataset, DicomTags.InstanceNumber), Is.EqualTo(JsonSerializer.Serialize(text)));
    }

    [Test]
    [Description("JSON numbers have no NaN or infinity; System.Text.Json reads these strings back with AllowNamedFloatingPointLiterals.")]
    public void Writer_writes_non_finite_floats_as_strings()
    {
        var dataset = new DicomDataset();
        dataset.SetValues(DicomTags.TimeRange, DicomVR.FD, double.NaN, double.NegativeInfinity);
        dataset.SetValues(DicomTags.RecommendedDisplayFrameRateInFloat, DicomVR.FL, float.PositiveInfinity);

        using var json = JsonDocument.Parse(DicomJsonWriter.Serialize(dataset));

        var range = json.RootElement.GetProperty("00081163").GetProperty("Value");
        Assert.That(range[0].GetString(), Is.EqualTo("NaN"));
        Assert.That(range[1].GetString(), Is.EqualTo("-Infinity"));
        Assert.That(json.RootElement.GetProperty("00089459").GetProperty("Value")[0].GetString(), Is.EqualTo("Infinity"));
    }

    [Test]
    public void Writer_writes_empty_person_name_as_null()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.PatientName, DicomVR.PN, "^^", "Doe^John");
        dataset.SetString(DicomTags.ReferringPhysicianName, DicomVR.PN, "^^^^");

        using var json = JsonDocument.Parse(DicomJsonWriter.Serialize(dataset));

        var names = json.RootElement.GetProperty("00100010").GetProperty("Value");
        Assert.That(names[0].ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(names[1].GetProperty("Alphabetic").GetString(), Is.EqualTo("Doe^John"));
        Assert.That(json.RootElement.GetProperty("00080090").TryGetProperty("Value", out _), Is.False);
    }

    [Test]
    public void Writer_omits_group_lengths_in_items()
    {
        var item = new DicomDataset();
        item.SetValues<uint>(new DicomTag(0x0008, 0x0000), DicomVR.UL, 10);
        item.SetString(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, "1.2.3");
        var dataset = new DicomDataset();
        dataset.SetSequence(DicomTags.ReferencedImageSequence, item);

        var json = DicomJsonWriter.Serialize(dataset);

        Assert.That(json, Is.EqualTo("""{"00081140":{"vr":"SQ","Value":[{"00081155":{"vr":"UI","Value":["1.2.3"]}}]}}"""));
    }

    [Test]
    public void Writer_writes_empty_sequence_without_value()
    {
        var dataset = new DicomDataset();
        dataset.SetSequence(DicomTags.ReferencedImageSequence);

        Assert.That(DicomJsonWriter.Serialize(dataset), Is.EqualTo("""{"00081140":{"vr":"SQ"}}"""));
    }

    [Test]
    [Description("Like DCMTK's dcm2json, the writer rejects encapsulated pixel data, and it does so before writing anything.")]
    public void Writer_rejects_encapsulated_pixel_data_before_writing()
    {
        var dataset = new DicomDataset();
        dataset.SetValues<ushort>(DicomTags.Rows, DicomVR.US, 512);
        dataset.Set(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, ReadOnlyMemory<byte>.Empty, [new byte[] { 0xFF, 0xD8 }]));
        using var output = new MemoryStream();

        Assert.That(() => DicomJsonWriter.Write(output, dataset), Throws.InstanceOf<NotSupportedException>().With.Message.Contains("(7FE0,0010)"));
        Assert.That(output.Length, Is.Zero);
    }

    [Test]
    public void Writer_rejects_binary_value_of_odd_length()
    {
        var dataset = new DicomDataset();
        dataset.Set(new DicomValueElement(DicomTags.Rows, DicomVR.US, new byte[] { 0x00, 0x02, 0x00 }));

        Assert.That(() => DicomJsonWriter.Serialize(dataset), Throws.InstanceOf<DicomFormatException>().With.Property(nameof(DicomFormatException.Tag)).EqualTo(DicomTags.Rows));
    }

    /// <summary>VR codes for test case parameters, which must be constants.</summary>
    public enum DicomVRCode
    {
        DS,
        IS,
    }

    private static string ValueText(DicomDataset dataset, DicomTag tag)
    {
        using var json = JsonDocument.Parse(DicomJsonWriter.Serialize(dataset));
        var key = tag.Value.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        return json.RootElement.GetProperty(key).GetProperty("Value")[0].GetRawText();
    }
}
