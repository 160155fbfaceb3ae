using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Node.Reports.Evaluation;

/// <summary>Writes an evaluation as a text table for people or as JSON for programs.</summary>
public static class EvaluationOutput
{
    private const string Missing = "-";

    public static string Table(EvaluationReport report)
    {
        var header = new[] { "Finding", "Studies", "Positives", "ROC-AUC", "Threshold", "Sensitivity", "Specificity" };
        var rows = report.Findings.Select(finding => new[]
        {
            finding.FindingId,
            finding.Studies.ToString(CultureInfo.InvariantCulture),
            finding.Positives.ToString(CultureInfo.InvariantCulture),
            Number(finding.RocAuc),
            finding.DecisionThreshold is { } threshold ? threshold.ToString("R", CultureInfo.InvariantCulture) : "varies",
            Number(finding.Sensitivity),
            Number(finding.Specificity),
        }).ToList();
        var widths = header.Select((title, column) => rows.Select(row => row[column].Length).Append(title.Length).Max()).ToArray();

        var text = new StringBuilder();
        text.AppendLine(Row(header, widths));
        rows.ForEach(row => text.AppendLine(Row(row, widths)));
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.SrFilesRead} SR file(s) read, {report.StudiesNotAnalysed} not analysed, {report.ValuesWithoutLabel} finding value(s) without a label, {report.LabelsWithoutValue} label(s) without a value.");
        foreach (var warning in report.Warnings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"WARNING {warning.Kind}: {warning.Message}");
        }

        return text.ToString();
    }

    public static string Json(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("SrFilesRead", report.SrFilesRead);
            writer.WriteNumber("StudiesNotAnalysed", report.StudiesNotAnalysed);
            writer.WriteNumber("ValuesWithoutLabel", report.ValuesWithoutLabel);
            writer.WriteNumber("LabelsWithoutValue", report.LabelsWithoutValue);
            writer.WriteStartArray("Findings");
            foreach (var finding in report.Findings)
            {
                writer.WriteStartObject();
                writer.WriteString("FindingId", finding.FindingId);
                writer.WriteString("CodeValue", finding.CodeValue);
                writer.WriteNumber("Studies", finding.Studies);
                writer.WriteNumber("Positives", finding.Positives);
                writer.WriteNumber("Negatives", finding.Negatives);
                WriteOptional(writer, "RocAuc", finding.RocAuc);
                WriteOptional(writer, "DecisionThreshold", finding.DecisionThreshold);
                WriteOptional(writer, "Sensitivity", finding.Sensitivity);
                WriteOptional(writer, "Specificity", finding.Specificity);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("Warnings");
            foreach (var warning in report.Warnings)
            {
                writer.WriteStartObject();
                writer.WriteString("Kind", warning.Kind.ToString());
                writer.WriteStartArray("FindingIds");
                foreach (var id in warning.FindingIds)
                {
                    writer.WriteStringValue(id);
                }

                writer.WriteEndArray();
                writer.WriteString("Message", warning.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
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

    private static string Number(double? value) => value is { } number ? number.ToString("0.0000", CultureInfo.InvariantCulture) : Missing;

    private static string Row(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, column) => column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column])));
}
