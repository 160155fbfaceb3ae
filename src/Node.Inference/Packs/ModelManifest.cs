namespace Node.Inference.Packs;

/// <summary>The contents of a model pack's model.json, validated: every field here is in range.</summary>
/// <param name="Name">Pack name, letters, digits, '.', '_' and '-', at most 64 characters.</param>
/// <param name="Version">Semantic version of the pack, such as "1.2.0".</param>
/// <param name="Description">Free text for people; null where the manifest has none.</param>
/// <param name="Input">Which instances the model accepts.</param>
/// <param name="Preprocessing">How an instance becomes the model's input tensor.</param>
/// <param name="PlausibleRanges">Ranges of the preprocessing measures an instance must fall within.</param>
/// <param name="Outputs">Which output tensors hold the probabilities and the heatmaps.</param>
/// <param name="Findings">The findings, each with its own code and decision threshold.</param>
/// <param name="StudyAggregation">How image results combine into a study result.</param>
/// <param name="AnyFinding">The study-level "any finding" item, coded apart from every finding.</param>
public sealed record ModelManifest(
    string Name,
    string Version,
    string? Description,
    InputRules Input,
    PreprocessingSettings Preprocessing,
    PlausibleRanges PlausibleRanges,
    OutputTensors Outputs,
    IReadOnlyList<FindingDefinition> Findings,
    StudyAggregation StudyAggregation,
    AnyFindingDefinition AnyFinding);
