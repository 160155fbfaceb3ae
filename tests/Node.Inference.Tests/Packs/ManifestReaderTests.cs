using System.Text.Json.Nodes;
using Node.Inference.Packs;
using Node.Inference.Tests.Support;

namespace Node.Inference.Tests.Packs;

public sealed class ManifestReaderTests
{
    [Test]
    public void Reference_manifest_reads_without_errors()
    {
        var manifest = ManifestReader.Read(ReferencePack.ManifestText(), "reference");

        Assert.That(manifest.Name, Is.EqualTo("ainode-reference"));
        Assert.That(manifest.Findings.Select(finding => finding.Id), Is.EqualTo(new[] { "small-bright-spots", "round-masses", "dark-regions" }));
        Assert.That(manifest.PlausibleRanges.BodyIntensityThresholdInModalityUnits, Is.EqualTo(-500));
        Assert.That(manifest.Preprocessing.InputRows, Is.EqualTo(256));
    }

    [Test]
    [Description("The one message checked word for word, since the message is part of the interface.")]
    public void Decision_threshold_out_of_range_gives_exact_message()
    {
        var errors = ReadErrors(manifest => manifest["Findings"]![1]!["DecisionThreshold"] = 1.5);

        Assert.That(errors.Select(error => error.Message), Is.EqualTo(new[]
        {
            "$.Findings[1].DecisionThreshold: value 1.5 is invalid; expected a probability from 0 to 1.",
        }));
    }

    [Test]
    public void Missing_key_names_path_and_form()
    {
        var error = ReadErrors(manifest => manifest["Preprocessing"]!.AsObject().Remove("InvertMonochrome1")).Single();

        Assert.That(error.Kind, Is.EqualTo(ManifestErrorKind.Missing));
        Assert.That(error.Path, Is.EqualTo("$.Preprocessing.InvertMonochrome1"));
        Assert.That(error.Message, Is.EqualTo("$.Preprocessing.InvertMonochrome1: missing; expected true or false."));
    }

    [Test]
    [Description("A misspelt key must never fall back to a default unnoticed.")]
    public void Unknown_key_is_an_error()
    {
        var error = ReadErrors(manifest => manifest["PlausibleRanges"]!["BodyThreshold"] = -500).Single();

        Assert.That(error.Kind, Is.EqualTo(ManifestErrorKind.UnknownKey));
        Assert.That(error.Path, Is.EqualTo("$.PlausibleRanges.BodyThreshold"));
        Assert.That(error.Message, Does.Contain("BodyIntensityThresholdInModalityUnits"));
    }

    [Test]
    public void Duplicate_key_is_an_error()
    {
        var text = ReferencePack.ManifestText().Replace("\"Version\": \"1.0.0\",", "\"Version\": \"1.0.0\", \"Version\": \"2.0.0\",", StringComparison.Ordinal);
        var errors = new List<ManifestError>();

        ManifestReader.TryRead(text, errors);

        Assert.That(errors.Single().Kind, Is.EqualTo(ManifestErrorKind.DuplicateKey));
        Assert.That(errors.Single().Path, Is.EqualTo("$.Version"));
    }

    [Test]
    public void Wrong_type_names_value_and_form()
    {
        var error = ReadErrors(manifest => manifest["Input"]!["Modalities"]![0] = "ct").Single();

        Assert.That(error.Path, Is.EqualTo("$.Input.Modalities[0]"));
        Assert.That(error.Value, Is.EqualTo("\"ct\""));
        Assert.That(error.Expected, Does.Contain("upper-case"));
    }

    [Test]
    public void Min_above_max_is_an_error()
    {
        var error = ReadErrors(manifest => manifest["PlausibleRanges"]!["BodyFraction"]!["Min"] = 0.99).Single();

        Assert.That(error.Path, Is.EqualTo("$.PlausibleRanges.BodyFraction.Max"));
        Assert.That(error.Expected, Is.EqualTo("a number from Min (0.99) to 1"));
    }

    [Test]
    public void Duplicate_finding_id_is_an_error()
    {
        var error = ReadErrors(manifest => manifest["Findings"]![2]!["Id"] = "round-masses").Single();

        Assert.That(error.Path, Is.EqualTo("$.Findings[2].Id"));
    }

    [Test]
    public void Output_index_beyond_tensor_is_an_error()
    {
        var error = ReadErrors(manifest => manifest["Findings"]![0]!["OutputIndex"] = 3).Single();

        Assert.That(error.Path, Is.EqualTo("$.Findings[0].OutputIndex"));
        Assert.That(error.Expected, Does.StartWith("an integer from 0 to 2"));
    }

    [Test]
    public void Any_finding_reused_code_is_an_error()
    {
        var error = ReadErrors(manifest => manifest["AnyFinding"]!["Code"]!["Value"] = "AIN-SPOT").Single();

        Assert.That(error.Path, Is.EqualTo("$.AnyFinding.Code.Value"));
    }

    [Test]
    public void Window_source_image_rejects_manifest_values()
    {
        var error = ReadErrors(manifest => manifest["Preprocessing"]!["VoiWindow"]!["Source"] = "Image").Single();

        Assert.That(error.Path, Is.EqualTo("$.Preprocessing.VoiWindow.CenterInModalityUnits"));
    }

    [Test]
    public void Unknown_required_attribute_is_an_error()
    {
        var error = ReadErrors(manifest => manifest["Input"]!["RequiredAttributes"]![0] = "StudyInstanceUid").Single();

        Assert.That(error.Path, Is.EqualTo("$.Input.RequiredAttributes[0]"));
    }

    [Test]
    [Description("Every fault is reported in one pass, not only the first.")]
    public void All_errors_are_reported_together()
    {
        var errors = ReadErrors(manifest =>
        {
            manifest["Name"] = "";
            manifest["Preprocessing"]!["InputTensor"]!["Shape"] = new JsonArray(-1, 3, 256, 256);
            manifest["Findings"]![0]!["DecisionThreshold"] = -0.1;
            manifest["Extra"] = true;
        });

        Assert.That(errors.Select(error => error.Path), Is.EquivalentTo(new[]
        {
            "$.Name",
            "$.Preprocessing.InputTensor.Shape",
            "$.Findings[0].DecisionThreshold",
            "$.Extra",
        }));
    }

    [Test]
    public void Invalid_json_is_an_error()
    {
        var errors = new List<ManifestError>();

        var manifest = ManifestReader.TryRead("{ \"Name\": ", errors);

        Assert.That(manifest, Is.Null);
        Assert.That(errors.Single().Path, Is.EqualTo("$"));
    }

    [Test]
    public void Read_throws_with_every_error_listed()
    {
        var text = Edit(manifest =>
        {
            manifest["Version"] = "one";
            manifest["StudyAggregation"] = "Median";
        });

        var exception = Assert.Throws<ModelPackException>(() => ManifestReader.Read(text, "/packs/broken"));

        Assert.That(exception!.Errors, Has.Count.EqualTo(2));
        Assert.That(exception.Message, Does.Contain("/packs/broken"));
        Assert.That(exception.Message, Does.Contain("$.Version"));
        Assert.That(exception.Message, Does.Contain("$.StudyAggregation"));
    }

    private static IReadOnlyList<ManifestError> ReadErrors(Action<JsonObject> edit)
    {
        var errors = new List<ManifestError>();
        ManifestReader.TryRead(Edit(edit), errors);
        return errors;
    }

    private static string Edit(Action<JsonObject> edit)
    {
        var manifest = JsonNode.Parse(ReferencePack.ManifestText())!.AsObject();
        edit(manifest);
        return manifest.ToJsonString();
    }
}
