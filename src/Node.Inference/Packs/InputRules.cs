namespace Node.Inference.Packs;

/// <summary>The rules an instance must meet before the model receives it.</summary>
/// <param name="Modalities">Accepted Modality (0008,0060) values, such as "CT".</param>
/// <param name="SopClassUids">Accepted SOP Class UID (0008,0016) values.</param>
/// <param name="PhotometricInterpretations">Accepted Photometric Interpretation (0028,0004) values.</param>
/// <param name="Rows">Accepted range of Rows (0028,0010).</param>
/// <param name="Columns">Accepted range of Columns (0028,0011).</param>
/// <param name="RequiredAttributes">Attributes that must be present and non-empty, with the keyword the manifest used.</param>
public sealed record InputRules(
    IReadOnlyList<string> Modalities,
    IReadOnlyList<string> SopClassUids,
    IReadOnlyList<string> PhotometricInterpretations,
    IntegerRange Rows,
    IntegerRange Columns,
    IReadOnlyList<RequiredAttribute> RequiredAttributes);
