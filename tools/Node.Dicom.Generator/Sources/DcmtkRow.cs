namespace Node.Dicom.Generator.Sources;

/// <summary>One element row of DCMTK's dicom.dic.</summary>
/// <param name="TagText">The tag column as written, for example "(6000-60FF,3000)".</param>
/// <param name="Pattern">The tag or repeating tag; null where a mask cannot express the range.</param>
/// <param name="ValueRepresentations">VR codes, with DCMTK's pseudo VRs expanded.</param>
/// <param name="Keyword">The keyword without the "RETIRED_" prefix.</param>
/// <param name="ValueMultiplicity">The VM column.</param>
/// <param name="Version">The version column, for example "DICOM", "DICOM/retired" or "DICOM/DICONDE".</param>
internal sealed record DcmtkRow(
    string TagText,
    TagPattern? Pattern,
    IReadOnlyList<string> ValueRepresentations,
    string Keyword,
    string ValueMultiplicity,
    string Version)
{
    public bool IsRetired => Version == DcmtkDictionary.RetiredVersion;
}
