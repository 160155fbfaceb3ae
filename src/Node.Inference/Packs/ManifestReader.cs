using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Node.Inference.Results;

namespace Node.Inference.Packs;

/// <summary>
/// Reads and validates model.json. Every fault is reported with its JSON key path, the value and
/// the allowed range or form, all in one <see cref="ModelPackException"/>; unknown keys are
/// faults too, so a misspelt setting never falls back to a default unnoticed.
/// </summary>
public static partial class ManifestReader
{
    private const string ProbabilityForm = "a probability from 0 to 1";

    /// <summary>Parses and validates a manifest.</summary>
    /// <param name="json">The text of model.json.</param>
    /// <param name="packPath">The pack's folder, for the exception message.</param>
    /// <exception cref="ModelPackException">The text is not JSON or breaks any rule; lists every fault.</exception>
    public static ModelManifest Read(string json, string packPath)
    {
        var errors = new List<ManifestError>();
        var manifest = TryRead(json, errors);
        if (errors.Count > 0 || manifest is null)
        {
            throw new ModelPackException(packPath, errors);
        }

        return manifest;
    }

    /// <summary>Parses a manifest, adding every fault to <paramref name="errors"/>; null where any field is unusable.</summary>
    internal static ModelManifest? TryRead(string json, List<ManifestError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException exception)
        {
            errors.Add(new ManifestError(ManifestErrorKind.Invalid, "$", $"(line {exception.LineNumber + 1})", "valid JSON: " + exception.Message));
            return null;
        }

        using (document)
        {
            var root = JsonObjectReader.Open(document.RootElement, "$", errors);
            return root is null ? null : ReadRoot(root);
        }
    }

    private static ModelManifest? ReadRoot(JsonObjectReader root)
    {
        var name = root.String("Name", "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit", NamePattern().IsMatch);
        var version = root.String("Version", "a semantic version such as \"1.0.0\"", VersionPattern().IsMatch);
        var description = root.String("Description", "text of at most 1024 characters", text => text.Length <= 1024, required: false);
        var input = ReadInputRules(root.Object("Input", "an object of input rules"));
        var preprocessing = ReadPreprocessing(root.Object("Preprocessing", "an object of preprocessing steps"));
        var ranges = ReadPlausibleRanges(root.Object("PlausibleRanges", "an object of plausible ranges"));
        var outputs = ReadOutputs(root.Object("Outputs", "an object naming the output tensors"));
        var findingCount = outputs?.ProbabilityTensor.Shape[1];
        var findings = ReadFindings(root, findingCount);
        var aggregation = root.Choice("StudyAggregation", AggregationNames, required: false) ?? StudyAggregation.Max;
        var anyFinding = ReadAnyFinding(root.Object("AnyFinding", "an object with the study-level code"), findings);
        root.ReportUnknownKeys();

        if (name is null || version is null || input is null || preprocessing is null || ranges is null || outputs is null || findings is null || anyFinding is null)
        {
            return null;
        }

        return new ModelManifest(name, version, description, input, preprocessing, ranges, outputs, findings, aggregation, anyFinding);
    }

    private static readonly Dictionary<string, StudyAggregation> AggregationNames = new(StringComparer.Ordinal)
    {
        ["Max"] = StudyAggregation.Max,
        ["Mean"] = StudyAggregation.Mean,
    };

    private static IReadOnlyList<FindingDefinition>? ReadFindings(JsonObjectReader root, int? findingCount)
    {
        var items = root.Array("Findings", 1, "a non-empty array of findings");
        if (items is null)
        {
            return null;
        }

        var findings = new List<(FindingDefinition Finding, string Path)>();
        foreach (var (element, path) in items)
        {
            var reader = JsonObjectReader.Open(element, path, root.Errors);
            var finding = reader is null ? null : ReadFinding(reader, findingCount);
            if (finding is not null)
            {
                findings.Add((finding, path));
            }
        }

        CheckUnique(root, findings, finding => finding.Id, "Id", "an Id used by no other finding");
        CheckUnique(root, findings, finding => finding.OutputIndex.ToString(CultureInfo.InvariantCulture), "OutputIndex", "an OutputIndex used by no other finding");
        CheckUnique(root, findings, finding => $"{finding.Code.Scheme}:{finding.Code.Value}", "Code", "a code (Scheme, Value) used by no other finding");
        return findings.Count == items.Count ? [.. findings.Select(item => item.Finding)] : null;
    }

    private static FindingDefinition? ReadFinding(JsonObjectReader reader, int? findingCount)
    {
        var id = reader.String("Id", "1 to 64 lower-case letters, digits or '-', starting with a letter", IdPattern().IsMatch);
        var maxIndex = (findingCount ?? int.MaxValue) - 1;
        var index = reader.Integer("OutputIndex", 0, maxIndex, $"an integer from 0 to {maxIndex}, an index along axis 1 of the probability tensor");
        var code = ReadCode(reader.Object("Code", "an object with Value, Scheme and Meaning"));
        var names = ReadDisplayNames(reader.Object("DisplayNames", "an object with \"en\" and \"ru\" names"));
        var decisionThreshold = reader.Number("DecisionThreshold", 0.0, 1.0, ProbabilityForm);
        reader.ReportUnknownKeys();

        if (id is null || index is null || code is null || names is null || decisionThreshold is null)
        {
            return null;
        }

        return new FindingDefinition(id, index.Value, code, names, new Probability(decisionThreshold.Value));
    }

    private static AnyFindingDefinition? ReadAnyFinding(JsonObjectReader? reader, IReadOnlyList<FindingDefinition>? findings)
    {
        if (reader is null)
        {
            return null;
        }

        var code = ReadCode(reader.Object("Code", "an object with Value, Scheme and Meaning"));
        var names = ReadDisplayNames(reader.Object("DisplayNames", "an object with \"en\" and \"ru\" names"));
        reader.ReportUnknownKeys();
        if (code is null || names is null)
        {
            return null;
        }

        if (findings?.Any(finding => finding.Code.Scheme == code.Scheme && finding.Code.Value == code.Value) == true)
        {
            reader.AddError(ManifestErrorKind.Invalid, reader.KeyPath("Code.Value"), $"\"{code.Value}\"", "a code different from every finding's code");
            return null;
        }

        return new AnyFindingDefinition(code, names);
    }

    private static CodedConcept? ReadCode(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var value = reader.String("Value", "1 to 16 characters without '\\' (DICOM Code Value, SH)", text => IsShortText(text, 16));
        var scheme = reader.String("Scheme", "1 to 16 characters without '\\' (Coding Scheme Designator, SH)", text => IsShortText(text, 16));
        var meaning = reader.String("Meaning", "1 to 64 characters without '\\' (Code Meaning, LO)", text => IsShortText(text, 64));
        reader.ReportUnknownKeys();
        return value is null || scheme is null || meaning is null ? null : new CodedConcept(value, scheme, meaning);
    }

    private static DisplayNames? ReadDisplayNames(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        const string expected = "a name of 1 to 64 characters";
        var english = reader.String("en", expected, text => IsShortText(text, 64));
        var russian = reader.String("ru", expected, text => IsShortText(text, 64));
        reader.ReportUnknownKeys();
        return english is null || russian is null ? null : new DisplayNames(english, russian);
    }

    private static void CheckUnique(
        JsonObjectReader root,
        IReadOnlyList<(FindingDefinition Finding, string Path)> findings,
        Func<FindingDefinition, string> key,
        string keyName,
        string expected)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (finding, path) in findings)
        {
            if (!seen.Add(key(finding)))
            {
                root.AddError(ManifestErrorKind.Invalid, $"{path}.{keyName}", $"\"{key(finding)}\"", expected);
            }
        }
    }

    private static bool IsShortText(string text, int maxLength) =>
        text.Trim().Length > 0 && text.Length <= maxLength && !text.Contains('\\');

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
