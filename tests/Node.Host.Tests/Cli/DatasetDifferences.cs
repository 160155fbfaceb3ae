using Node.Dicom.Data;
using Node.Dicom.Tags;

namespace Node.Host.Tests.Cli;

/// <summary>
/// Lists how two data sets differ by tag and value bytes, recursing into sequence items. VRs are
/// not compared, since a peer that converts Implicit VR to Explicit VR may know private tags that
/// our dictionary reads as UN.
/// </summary>
internal static class DatasetDifferences
{
    /// <summary>Data Set Trailing Padding (FFFC,FFFC) carries no meaning, and DCMTK drops it when it sends.</summary>
    private static readonly DicomTag TrailingPadding = new(0xFFFC, 0xFFFC);

    public static List<string> Between(DicomDataset expected, DicomDataset actual, string path = "")
    {
        var differences = new List<string>();
        var expectedTags = expected.Select(element => element.Tag).Where(tag => tag != TrailingPadding).ToList();
        var actualTags = actual.Select(element => element.Tag).Where(tag => tag != TrailingPadding).ToList();
        differences.AddRange(expectedTags.Except(actualTags).Select(tag => $"{path}{tag} missing"));
        differences.AddRange(actualTags.Except(expectedTags).Select(tag => $"{path}{tag} added"));
        foreach (var tag in expectedTags.Intersect(actualTags))
        {
            Compare(expected.GetElement(tag)!, actual.GetElement(tag)!, path, differences);
        }

        return differences;
    }

    private static void Compare(DicomElement expected, DicomElement actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (DicomValueElement left, DicomValueElement right) when !left.Value.Span.SequenceEqual(right.Value.Span):
                differences.Add($"{path}{expected.Tag} value differs ({left.Value.Length} vs {right.Value.Length} bytes)");
                break;
            case (DicomValueElement, DicomValueElement):
                break;
            case (DicomSequence left, DicomSequence right) when left.Items.Count != right.Items.Count:
                differences.Add($"{path}{expected.Tag} has {left.Items.Count} vs {right.Items.Count} items");
                break;
            case (DicomSequence left, DicomSequence right):
                for (var i = 0; i < left.Items.Count; i++)
                {
                    differences.AddRange(Between(left.Items[i], right.Items[i], $"{path}{expected.Tag}[{i}]."));
                }

                break;
            case (DicomSequence, DicomValueElement { VR.Code: "UN" }) or (DicomValueElement { VR.Code: "UN" }, DicomSequence):
                // An Implicit VR sequence whose tag our dictionary lacks reads as UN, so only its presence is compared.
                break;
            default:
                differences.Add($"{path}{expected.Tag} is {expected.GetType().Name} vs {actual.GetType().Name}");
                break;
        }
    }
}
