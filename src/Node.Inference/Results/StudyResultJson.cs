using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Node.Inference.Packs;
using Node.Inference.Preprocessing;
using Node.Inference.Validation;

namespace Node.Inference.Results;

/// <summary>
/// Writes a study result as results.json. Probabilities are JSON numbers in the round-trip
/// format, so parsing them gives back the model's double exactly; heatmaps are left out. Text is
/// escaped for JSON only, not for HTML, since the file is read by programs and people.
/// </summary>
public static class StudyResultJson
{
    public const string FileName = "results.json";

    public static string Write(StudyResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("StudyInstanceUID", result.StudyInstanceUid);
            WriteModel(writer, result.Model);
            switch (result)
            {
                case AnalysedStudyResult analysed:
                    WriteAnalysed(writer, analysed);
                    break;
                case NotAnalysedStudyResult notAnalysed:
                    WriteNotAnalysed(writer, notAnalysed);
                    break;
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteModel(Utf8JsonWriter writer, ModelPackIdentity model)
    {
        writer.WriteStartObject("Model");
        writer.WriteString("Name", model.Name);
        writer.WriteString("Version", model.Version);
        writer.WriteString("OnnxSha256", model.OnnxSha256);
        writer.WriteEndObject();
    }

    private static void WriteAnalysed(Utf8JsonWriter writer, AnalysedStudyResult result)
    {
        writer.WriteString("Status", "Analysed");
        writer.WriteStartArray("Findings");
        foreach (var finding in result.Findings)
        {
            WriteFinding(writer, finding);
        }

        writer.WriteEndArray();

        writer.WriteStartObject("AnyFinding");
        WriteCode(writer, result.AnyFinding.Definition.Code);
        writer.WriteBoolean("IsPresent", result.AnyFinding.IsPresent);
        writer.WriteStartArray("PositiveFindingIds");
        result.AnyFinding.PositiveFindingIds.ToList().ForEach(writer.WriteStringValue);
        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartArray("Images");
        foreach (var image in result.Images)
        {
            writer.WriteStartObject();
            writer.WriteString("SOPInstanceUID", image.Image.SopInstanceUid);
            if (image.Image.FrameNumber is { } frameNumber)
            {
                writer.WriteNumber("FrameNumber", frameNumber);
            }

            writer.WriteString("SeriesInstanceUID", image.Image.SeriesInstanceUid);
            WriteMeasures(writer, image.Measures);
            writer.WriteStartArray("Findings");
            foreach (var finding in image.Findings)
            {
                WriteFinding(writer, finding);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteFinding(Utf8JsonWriter writer, FindingResult finding)
    {
        writer.WriteStartObject();
        writer.WriteString("Id", finding.Finding.Id);
        WriteCode(writer, finding.Finding.Code);
        writer.WritePropertyName("Probability");
        writer.WriteRawValue(finding.Probability.ToRoundTripString());
        writer.WritePropertyName("DecisionThreshold");
        writer.WriteRawValue(finding.Finding.DecisionThreshold.ToRoundTripString());
        writer.WriteBoolean("MeetsDecisionThreshold", finding.MeetsDecisionThreshold);
        writer.WriteEndObject();
    }

    private static void WriteMeasures(Utf8JsonWriter writer, ImageMeasures measures)
    {
        writer.WriteStartObject("Measures");
        writer.WriteNumber("BodyFraction", measures.BodyFraction);
        WriteOptional(writer, "WindowClippedBodyFraction", measures.WindowClippedBodyFraction);
        WriteOptional(writer, "BackgroundDisplayLevel", measures.BackgroundDisplayLevel);
        writer.WriteNumber("WindowCenter", measures.Window.Center);
        writer.WriteNumber("WindowWidth", measures.Window.Width);
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteCode(Utf8JsonWriter writer, CodedConcept code)
    {
        writer.WriteStartObject("Code");
        writer.WriteString("Value", code.Value);
        writer.WriteString("Scheme", code.Scheme);
        writer.WriteString("Meaning", code.Meaning);
        writer.WriteEndObject();
    }

    private static void WriteNotAnalysed(Utf8JsonWriter writer, NotAnalysedStudyResult result)
    {
        writer.WriteString("Status", "NotAnalysed");
        writer.WriteStartArray("NotAnalysedReasons");
        foreach (var reason in result.Reasons)
        {
            WriteReason(writer, reason);
        }

        writer.WriteEndArray();
    }

    private static void WriteReason(Utf8JsonWriter writer, NotAnalysedReason reason)
    {
        writer.WriteStartObject();
        writer.WriteString("Rule", reason.Rule.ToString());
        writer.WriteString("Attribute", reason.Attribute);
        writer.WriteString("Value", reason.Value);
        writer.WriteString("Expected", reason.Expected);
        writer.WriteString("SOPInstanceUID", reason.SopInstanceUid);
        if (reason.FrameNumber is { } frameNumber)
        {
            writer.WriteNumber("FrameNumber", frameNumber);
        }

        writer.WriteString("Message", reason.Message);
        writer.WriteEndObject();
    }
}
