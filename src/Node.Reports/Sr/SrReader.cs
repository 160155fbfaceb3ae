using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Inference.Packs;

namespace Node.Reports.Sr;

/// <summary>
/// Reads what an SR of TID 1500 shape states about a study: each finding's measurement group with
/// its probability, decision threshold and decision, the "any finding" item, and the reasons a
/// study was not analysed. Items are found by their codes, never by their position, so SRs from
/// other writers of the same shape read as well.
/// </summary>
public static class SrReader
{
    /// <summary>SR SOP classes whose content can hold a TID 1500 tree: Basic Text, Enhanced, Comprehensive, Comprehensive 3D, Extensible.</summary>
    private static readonly HashSet<string> SrSopClassUids = new(StringComparer.Ordinal)
    {
        "1.2.840.10008.5.1.4.1.1.88.11", "1.2.840.10008.5.1.4.1.1.88.22", "1.2.840.10008.5.1.4.1.1.88.33",
        "1.2.840.10008.5.1.4.1.1.88.34", "1.2.840.10008.5.1.4.1.1.88.35",
    };

    private static readonly CodedConcept Yes = new("373066001", "SCT", "Yes");
    private static readonly CodedConcept No = new("373067005", "SCT", "No");

    /// <exception cref="DicomFormatException">The file is not DICOM, not an SR, or not a TID 1500 measurement report.</exception>
    public static SrDocument ReadFile(string path, CodedConcept? anyFindingCode = null) => Read(DicomFile.Open(path).Dataset, anyFindingCode);

    /// <param name="dataset">The SR data set.</param>
    /// <param name="anyFindingCode">The code of the "any finding" item where known; else it is the one qualitative evaluation with a present or absent value that is not a finding.</param>
    /// <exception cref="DicomFormatException">The data set is not an SR, or not a TID 1500 measurement report.</exception>
    public static SrDocument Read(DicomDataset dataset, CodedConcept? anyFindingCode = null)
    {
        CheckMeasurementReport(dataset);

        var groups = ContentTree.Descendants(dataset)
            .Where(item => ContentTree.Is(item, ValueType.Container, SrCodes.MeasurementGroup))
            .Select(ReadGroup)
            .OfType<SrFindingReading>()
            .ToList();
        anyFindingCode ??= FindAnyFindingCode(dataset, groups);
        var anyFinding = anyFindingCode is null ? null : ReadAnyFinding(dataset, anyFindingCode, groups);
        var findings = groups.Where(group => !SrCodes.SameCode(group.Code, anyFindingCode)).ToList();

        var (algorithmName, algorithmVersion, parameters) = ReadAlgorithm(dataset);
        var reasons = ContentTree.Descendants(dataset)
            .Where(item => ContentTree.Is(item, ValueType.Text, SrCodes.ReasonNotAnalysed))
            .Select(item => ContentTree.TextValue(item) ?? string.Empty)
            .ToList();
        var language = ContentTree.Children(dataset)
            .Where(item => ContentTree.Is(item, ValueType.Code, SrCodes.LanguageOfContent))
            .Select(item => ContentTree.CodeValue(item)?.Value)
            .FirstOrDefault();

        return new SrDocument(
            dataset.GetUid(DicomTags.StudyInstanceUID) ?? string.Empty,
            dataset.GetUid(DicomTags.SOPInstanceUID) ?? string.Empty,
            language,
            algorithmName,
            algorithmVersion,
            parameters,
            findings,
            anyFinding,
            reasons);
    }

    private static void CheckMeasurementReport(DicomDataset dataset)
    {
        var sopClass = dataset.GetUid(DicomTags.SOPClassUID);
        if (sopClass is null || !SrSopClassUids.Contains(sopClass))
        {
            throw new DicomFormatException($"SOP Class UID '{sopClass}' is not a Structured Report class, so the data set is not a TID 1500 report", tag: DicomTags.SOPClassUID);
        }

        var template = dataset.GetSequence(DicomTags.ContentTemplateSequence)?.Items.FirstOrDefault()?.GetString(DicomTags.TemplateIdentifier);
        var isReport = ContentTree.ValueTypeOf(dataset) == ValueType.Container &&
            (template == TemplateIdentification.MeasurementReport || SrCodes.SameCode(ContentTree.ConceptName(dataset), SrCodes.ImagingMeasurementReport));
        if (!isReport)
        {
            throw new DicomFormatException($"the root content item is not a TID 1500 measurement report (template '{template}', concept {ContentTree.ConceptName(dataset)})", tag: DicomTags.ContentTemplateSequence);
        }
    }

    /// <summary>Reads one measurement group; null where it names no finding.</summary>
    private static SrFindingReading? ReadGroup(DicomDataset group)
    {
        var children = ContentTree.Children(group);
        var findingCode = children
            .Where(item => ContentTree.Is(item, ValueType.Code, SrCodes.Finding))
            .Select(ContentTree.CodeValue)
            .FirstOrDefault();
        var decisionItem = children.FirstOrDefault(item =>
            ContentTree.ValueTypeOf(item) == ValueType.Code &&
            !SrCodes.SameCode(ContentTree.ConceptName(item), SrCodes.Finding) &&
            IsDecisionValue(ContentTree.CodeValue(item)) &&
            (findingCode is null || SrCodes.SameCode(ContentTree.ConceptName(item), findingCode)));
        var code = findingCode ?? (decisionItem is null ? null : ContentTree.ConceptName(decisionItem));
        if (code is null)
        {
            return null;
        }

        var probabilityItem = children.FirstOrDefault(item =>
            ContentTree.Is(item, ValueType.Num, SrCodes.CertaintyOfFinding) || ContentTree.Is(item, ValueType.Num, SrCodes.ProbabilityOfCancer));
        var thresholdItem = children.FirstOrDefault(item => ContentTree.Is(item, ValueType.Num, SrCodes.CadOperatingPoint));

        return new SrFindingReading(
            children.Where(item => ContentTree.Is(item, ValueType.Text, SrCodes.TrackingIdentifier)).Select(ContentTree.TextValue).FirstOrDefault(),
            code,
            probabilityItem is null ? null : ContentTree.NumValue(probabilityItem),
            probabilityItem is null ? null : ContentTree.NumericValueText(probabilityItem),
            thresholdItem is null ? null : ContentTree.NumValue(thresholdItem),
            decisionItem is null ? null : Decision(ContentTree.CodeValue(decisionItem)),
            [.. children.Where(item => ContentTree.ValueTypeOf(item) == ValueType.Image).Select(ReferencedInstance).OfType<string>()]);
    }

    /// <summary>
    /// Returns the code of the "any finding" item: the concept of the first CODE item in the
    /// qualitative evaluations whose value is a decision and whose concept is no finding's code.
    /// </summary>
    private static CodedConcept? FindAnyFindingCode(DicomDataset dataset, IReadOnlyList<SrFindingReading> groups) =>
        QualitativeItems(dataset)
            .Where(item => ContentTree.ValueTypeOf(item) == ValueType.Code && IsDecisionValue(ContentTree.CodeValue(item)))
            .Select(ContentTree.ConceptName)
            .FirstOrDefault(concept => concept is not null && !groups.Any(group => SrCodes.SameCode(group.Code, concept)));

    /// <summary>
    /// Reads the "any finding" item: its decision from a CODE item with its code, and a value from
    /// a NUM with its code or from a measurement group that carries its code in a finding's place.
    /// </summary>
    private static SrAnyFindingReading ReadAnyFinding(DicomDataset dataset, CodedConcept code, IReadOnlyList<SrFindingReading> groups)
    {
        var items = QualitativeItems(dataset).ToList();
        var decision = items
            .Where(item => ContentTree.Is(item, ValueType.Code, code))
            .Select(item => Decision(ContentTree.CodeValue(item)))
            .FirstOrDefault();
        var value = items
            .Where(item => ContentTree.Is(item, ValueType.Num, code))
            .Select(ContentTree.NumValue)
            .FirstOrDefault();
        var group = groups.FirstOrDefault(item => SrCodes.SameCode(item.Code, code));
        return new SrAnyFindingReading(code, decision ?? group?.IsPresent, value ?? group?.Probability);
    }

    /// <summary>The items of every Qualitative Evaluations container, and their descendants.</summary>
    private static IEnumerable<DicomDataset> QualitativeItems(DicomDataset dataset) =>
        ContentTree.Children(dataset)
            .Where(item => ContentTree.Is(item, ValueType.Container, SrCodes.QualitativeEvaluations))
            .SelectMany(ContentTree.Descendants);

    /// <summary>Reads TID 4019 from the first item that contains an Algorithm Name.</summary>
    private static (string? Name, string? Version, IReadOnlyList<string> Parameters) ReadAlgorithm(DicomDataset dataset)
    {
        var holder = ContentTree.Descendants(dataset)
            .Prepend(dataset)
            .FirstOrDefault(item => ContentTree.Children(item).Any(child => ContentTree.Is(child, ValueType.Text, SrCodes.AlgorithmName)));
        if (holder is null)
        {
            return (null, null, []);
        }

        var children = ContentTree.Children(holder);
        string? Text(CodedConcept concept) => children.Where(child => ContentTree.Is(child, ValueType.Text, concept)).Select(ContentTree.TextValue).FirstOrDefault();
        var parameters = children
            .Where(child => ContentTree.Is(child, ValueType.Text, SrCodes.AlgorithmParameters))
            .Select(child => ContentTree.TextValue(child) ?? string.Empty)
            .ToList();
        return (Text(SrCodes.AlgorithmName), Text(SrCodes.AlgorithmVersion), parameters);
    }

    private static string? ReferencedInstance(DicomDataset imageItem) =>
        imageItem.GetSequence(DicomTags.ReferencedSOPSequence)?.Items.FirstOrDefault()?.GetUid(DicomTags.ReferencedSOPInstanceUID);

    private static bool IsDecisionValue(CodedConcept? value) =>
        SrCodes.SameCode(value, SrCodes.Present) || SrCodes.SameCode(value, SrCodes.Absent) || SrCodes.SameCode(value, SrCodes.Undetermined) ||
        SrCodes.SameCode(value, Yes) || SrCodes.SameCode(value, No);

    private static bool? Decision(CodedConcept? value) =>
        SrCodes.SameCode(value, SrCodes.Present) || SrCodes.SameCode(value, Yes) ? true
        : SrCodes.SameCode(value, SrCodes.Absent) || SrCodes.SameCode(value, No) ? false
        : null;
}
