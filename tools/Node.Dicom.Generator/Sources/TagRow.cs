namespace Node.Dicom.Generator.Sources;

/// <summary>One data dictionary row as the generator merges and writes it.</summary>
/// <param name="Pattern">The tag or repeating tag.</param>
/// <param name="Keyword">The PS3.6 keyword without DCMTK's "RETIRED_" prefix.</param>
/// <param name="Name">The PS3.6 name, or one made from the keyword where no source has the name.</param>
/// <param name="ValueRepresentations">Two-letter VR codes in the standard's order; empty for item and delimitation tags.</param>
/// <param name="ValueMultiplicity">The VM as PS3.6 writes it.</param>
/// <param name="IsRetired">True for a retired element.</param>
internal sealed record TagRow(
    TagPattern Pattern,
    string Keyword,
    string Name,
    IReadOnlyList<string> ValueRepresentations,
    string ValueMultiplicity,
    bool IsRetired);
