namespace Node.Reports.Sr;

/// <summary>Content Template Sequence (0040,A504) values that identify TID 1500 (PS3.16).</summary>
public static class TemplateIdentification
{
    /// <summary>Mapping Resource (0008,0105): DICOM Content Mapping Resource.</summary>
    public const string MappingResource = "DCMR";

    /// <summary>Mapping Resource UID (0008,0118) of DCMR.</summary>
    public const string MappingResourceUid = "1.2.840.10008.8.1.1";

    /// <summary>Template Identifier (0040,DB00) of "Measurement Report".</summary>
    public const string MeasurementReport = "1500";
}
