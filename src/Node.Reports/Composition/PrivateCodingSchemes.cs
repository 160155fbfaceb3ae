using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Reports.Composition;

/// <summary>
/// Declares the private coding schemes (designators starting with "99", PS3.3 8.2) that a data
/// set uses, in Coding Scheme Identification Sequence (0008,0110) of SOP Common, so that a reader
/// learns who defines codes such as a model pack's finding codes.
/// </summary>
internal static class PrivateCodingSchemes
{
    private const string PrivatePrefix = "99";

    public static void Declare(DicomDataset dataset, string responsibleOrganization)
    {
        var schemes = Designators(dataset)
            .Where(designator => designator.StartsWith(PrivatePrefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (schemes.Count == 0)
        {
            return;
        }

        dataset.SetSequence(DicomTags.CodingSchemeIdentificationSequence, [.. schemes.Select(scheme => Item(scheme, responsibleOrganization))]);
    }

    private static DicomDataset Item(string designator, string responsibleOrganization)
    {
        var item = new DicomDataset();
        item.SetString(DicomTags.CodingSchemeDesignator, DicomVR.SH, designator);
        item.SetString(DicomTags.CodingSchemeName, DicomVR.ST, $"Private codes of {responsibleOrganization} and its model packs");
        item.SetString(DicomTags.CodingSchemeResponsibleOrganization, DicomVR.ST, responsibleOrganization);
        return item;
    }

    private static IEnumerable<string> Designators(DicomDataset dataset)
    {
        foreach (var element in dataset)
        {
            if (element.Tag == DicomTags.CodingSchemeDesignator && dataset.GetString(element.Tag) is { Length: > 0 } designator)
            {
                yield return designator;
            }

            if (element is DicomSequence sequence)
            {
                foreach (var nested in sequence.Items.SelectMany(Designators))
                {
                    yield return nested;
                }
            }
        }
    }
}
