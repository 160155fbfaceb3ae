using Node.Dicom.Data;
using Node.Dicom.Vr;

namespace Node.Dicom.Network.Tests.Support;

/// <summary>Lists the differences between two data sets by tag and value bytes, recursing into sequences.</summary>
internal static class DatasetComparer
{
    public static List<string> Differences(DicomDataset expected, DicomDataset actual, string path = "")
    {
        var differences = new List<string>();
        var expectedTags = expected.Select(element => element.Tag).ToList();
        var actualTags = actual.Select(element => element.Tag).ToList();
        // Data Set Trailing Padding (FFFC,FFFC) has no meaning, and DCMTK drops it when sending.
        expectedTags.Remove(new Node.Dicom.Tags.DicomTag(0xFFFC, 0xFFFC));
        actualTags.Remove(new Node.Dicom.Tags.DicomTag(0xFFFC, 0xFFFC));
        foreach (var tag in expectedTags.Except(actualTags))
        {
            differences.Add($"{path}{tag} missing");
        }

        foreach (var tag in actualTags.Except(expectedTags))
        {
            differences.Add($"{path}{tag} added");
        }

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
            case (DicomValueElement left, DicomValueElement right):
                if (!left.Value.Span.SequenceEqual(right.Value.Span))
                {
                    differences.Add($"{path}{expected.Tag} value differs ({left.Length} vs {right.Length} bytes)");
                }

                break;
            case (DicomSequence left, DicomSequence right):
                if (left.Items.Count != right.Items.Count)
                {
                    differences.Add($"{path}{expected.Tag} has {left.Items.Count} vs {right.Items.Count} items");
                    break;
                }

                for (var i = 0; i < left.Items.Count; i++)
                {
                    differences.AddRange(Differences(left.Items[i], right.Items[i], $"{path}{expected.Tag}[{i}]."));
                }

                break;
            case (DicomFragmentSequence left, DicomFragmentSequence right):
                if (left.Fragments.Count != right.Fragments.Count)
                {
                    differences.Add($"{path}{expected.Tag} has {left.Fragments.Count} vs {right.Fragments.Count} fragments");
                }

                break;
            case (DicomSequence, DicomValueElement { VR.Code: "UN" }) or (DicomValueElement { VR.Code: "UN" }, DicomSequence):
                // An Implicit VR sequence of defined length reads as UN while the data dictionary
                // does not know its tag. Its presence is checked but its bytes cannot be compared.
                break;
            default:
                differences.Add($"{path}{expected.Tag} is {expected.GetType().Name} vs {actual.GetType().Name}");
                break;
        }
    }
}
