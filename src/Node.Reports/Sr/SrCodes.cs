using Node.Inference.Packs;

namespace Node.Reports.Sr;

/// <summary>
/// The codes of the SR content tree (PS3.16): DCM for DICOM's own concepts, SCT for SNOMED CT,
/// UCUM for units, RFC5646 for languages, LN for LOINC procedures, UMLS where TID 1500 uses it.
/// </summary>
public static class SrCodes
{
    public static readonly CodedConcept ImagingMeasurementReport = new("126000", "DCM", "Imaging Measurement Report");
    public static readonly CodedConcept LanguageOfContent = new("121049", "DCM", "Language of Content Item and Descendants");
    public static readonly CodedConcept ObserverType = new("121005", "DCM", "Observer Type");
    public static readonly CodedConcept Device = new("121007", "DCM", "Device");
    public static readonly CodedConcept DeviceObserverUid = new("121012", "DCM", "Device Observer UID");
    public static readonly CodedConcept DeviceObserverName = new("121013", "DCM", "Device Observer Name");
    public static readonly CodedConcept DeviceObserverManufacturer = new("121014", "DCM", "Device Observer Manufacturer");
    public static readonly CodedConcept DeviceObserverModelName = new("121015", "DCM", "Device Observer Model Name");
    public static readonly CodedConcept ProcedureReported = new("121058", "DCM", "Procedure reported");
    public static readonly CodedConcept ImageLibrary = new("111028", "DCM", "Image Library");
    public static readonly CodedConcept ImageLibraryGroup = new("126200", "DCM", "Image Library Group");
    public static readonly CodedConcept ImagingMeasurements = new("126010", "DCM", "Imaging Measurements");
    public static readonly CodedConcept QualitativeEvaluations = new("C0034375", "UMLS", "Qualitative Evaluations");
    public static readonly CodedConcept MeasurementGroup = new("125007", "DCM", "Measurement Group");
    public static readonly CodedConcept TrackingIdentifier = new("112039", "DCM", "Tracking Identifier");
    public static readonly CodedConcept TrackingUniqueIdentifier = new("112040", "DCM", "Tracking Unique Identifier");
    public static readonly CodedConcept Finding = new("121071", "DCM", "Finding");
    public static readonly CodedConcept AlgorithmName = new("111001", "DCM", "Algorithm Name");
    public static readonly CodedConcept AlgorithmVersion = new("111003", "DCM", "Algorithm Version");
    public static readonly CodedConcept AlgorithmParameters = new("111002", "DCM", "Algorithm Parameters");
    public static readonly CodedConcept SourceOfMeasurement = new("121112", "DCM", "Source of Measurement");

    /// <summary>The concept of each finding's probability NUM (CID 6048): the likelihood that the finding is real.</summary>
    public static readonly CodedConcept CertaintyOfFinding = new("111012", "DCM", "Certainty of Finding");

    /// <summary>The concept of each finding's decision threshold NUM (CID 6048).</summary>
    public static readonly CodedConcept CadOperatingPoint = new("111071", "DCM", "CAD Operating Point");

    /// <summary>Other CID 6048 concepts a reader accepts as a finding's probability.</summary>
    public static readonly CodedConcept ProbabilityOfCancer = new("111047", "DCM", "Probability of cancer");

    public static readonly CodedConcept NoUnits = new("1", "UCUM", "no units");
    public static readonly CodedConcept Present = new("52101004", "SCT", "Present");
    public static readonly CodedConcept Absent = new("272519000", "SCT", "Absent");
    public static readonly CodedConcept Undetermined = new("373068000", "SCT", "Undetermined");

    /// <summary>Node's own concept for the TEXT items saying why a study was not analysed (a private scheme starts with "99").</summary>
    public static readonly CodedConcept ReasonNotAnalysed = new("AIN-NOT-ANALYSED", "99AINODE", "Reason the study was not analysed");

    public static readonly CodedConcept English = new("en", "RFC5646", "English");
    public static readonly CodedConcept Russian = new("ru", "RFC5646", "Russian");

    /// <summary>Procedure reported (CID 100) for a modality, or the generic imaging procedure.</summary>
    public static CodedConcept ProcedureFor(string? modality) => modality?.Trim() switch
    {
        "CT" => new("25045-6", "LN", "CT unspecified body region"),
        "DX" or "CR" => new("43468-8", "LN", "XR unspecified body region"),
        "MG" => new("36626-0", "LN", "breast - bilateral mammogram"),
        _ => new("363679005", "SCT", "Imaging procedure"),
    };

    public static CodedConcept LanguageCode(ReportLanguage language) => language == ReportLanguage.Russian ? Russian : English;

    /// <summary>Returns true where both codes have the same value and scheme; the meaning is text for people and does not identify a code.</summary>
    public static bool SameCode(CodedConcept? left, CodedConcept? right) =>
        left is not null && right is not null &&
        string.Equals(left.Value, right.Value, StringComparison.Ordinal) &&
        string.Equals(left.Scheme, right.Scheme, StringComparison.Ordinal);
}
