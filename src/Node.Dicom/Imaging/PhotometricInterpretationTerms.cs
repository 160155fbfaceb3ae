namespace Node.Dicom.Imaging;

/// <summary>The defined terms of Photometric Interpretation (0028,0004) and the samples each one has per pixel.</summary>
internal static class PhotometricInterpretationTerms
{
    private static readonly Dictionary<string, DicomPhotometricInterpretation> ByTerm = new(StringComparer.Ordinal)
    {
        ["MONOCHROME1"] = DicomPhotometricInterpretation.Monochrome1,
        ["MONOCHROME2"] = DicomPhotometricInterpretation.Monochrome2,
        ["PALETTE COLOR"] = DicomPhotometricInterpretation.PaletteColor,
        ["RGB"] = DicomPhotometricInterpretation.Rgb,
        ["YBR_FULL"] = DicomPhotometricInterpretation.YbrFull,
        ["YBR_FULL_422"] = DicomPhotometricInterpretation.YbrFull422,
        ["YBR_PARTIAL_422"] = DicomPhotometricInterpretation.YbrPartial422,
        ["YBR_PARTIAL_420"] = DicomPhotometricInterpretation.YbrPartial420,
        ["YBR_ICT"] = DicomPhotometricInterpretation.YbrIct,
        ["YBR_RCT"] = DicomPhotometricInterpretation.YbrRct,
    };

    private static readonly Dictionary<DicomPhotometricInterpretation, string> ByValue =
        ByTerm.ToDictionary(pair => pair.Value, pair => pair.Key);

    public static bool TryParse(string term, out DicomPhotometricInterpretation value) => ByTerm.TryGetValue(term, out value);

    /// <summary>Returns the defined term as the data set spells it, for example "YBR_FULL_422".</summary>
    public static string ToTerm(DicomPhotometricInterpretation value) => ByValue[value];

    /// <summary>Returns the Samples per Pixel (0028,0002) value the term requires: 1 for grey and palette, 3 for colour.</summary>
    public static int SamplesPerPixel(DicomPhotometricInterpretation value) => value switch
    {
        DicomPhotometricInterpretation.Monochrome1 or DicomPhotometricInterpretation.Monochrome2 or DicomPhotometricInterpretation.PaletteColor => 1,
        _ => 3,
    };
}
