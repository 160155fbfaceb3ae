namespace Node.Dicom.Generator.Sources;

/// <summary>The 34 two-letter VR codes of PS3.5 Table 6.2-1, which every generated VR must be one of.</summary>
internal static class ValueRepresentationCodes
{
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        "AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "OB", "OD", "OF", "OL", "OV", "OW",
        "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV",
    };

    /// <exception cref="InvalidDataException">A code is not one of the 34 VRs.</exception>
    public static IReadOnlyList<string> Check(IReadOnlyList<string> codes, string context)
    {
        foreach (var code in codes)
        {
            if (!Codes.Contains(code))
            {
                throw new InvalidDataException($"Unknown value representation '{code}' in {context}.");
            }
        }

        return codes;
    }
}
