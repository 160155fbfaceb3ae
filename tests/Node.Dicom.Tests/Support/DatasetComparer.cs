using Node.Dicom.Data;
using Node.Dicom.Dictionary;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.Support;

/// <summary>
/// Compares two data sets element by element, through every sequence item, and describes the
/// first difference by its tag path, for example <c>(0008,1115)[0]/(0008,1150): value differs</c>.
/// </summary>
/// <remarks>
/// Group length elements (gggg,0000) outside group 0002 are skipped on both sides, because
/// PS3.5 7.2 retires them and our writer drops them. A value of odd length in
/// <c>expected</c> matches a value one byte longer in <c>actual</c>, because every writer pads
/// values to even length.
/// </remarks>
internal static class DatasetComparer
{
    /// <summary>
    /// Returns the first difference, or null where the data sets are equal. The
    /// <paramref name="vrRule"/> sets how strictly VRs must match.
    /// </summary>
    public static string? FindFirstDifference(DicomDataset expected, DicomDataset actual, VRMatch vrRule = VRMatch.Exact) =>
        CompareDatasets(expected, actual, string.Empty, vrRule);

    /// <summary>Fails the test with the first difference, where there is one.</summary>
    public static void AssertEqual(DicomDataset expected, DicomDataset actual, VRMatch vrRule = VRMatch.Exact)
    {
        var difference = FindFirstDifference(expected, actual, vrRule);
        Assert.That(difference, Is.Null, "the data sets differ");
    }

    private static string? CompareDatasets(DicomDataset expected, DicomDataset actual, string path, VRMatch vrRule)
    {
        var expectedElements = Compared(expected);
        var actualElements = Compared(actual);
        var count = Math.Min(expectedElements.Count, actualElements.Count);
        for (var i = 0; i < count; i++)
        {
            var left = expectedElements[i];
            var right = actualElements[i];
            if (left.Tag != right.Tag)
            {
                return left.Tag < right.Tag
                    ? $"{path}{left.Tag}: missing from the actual data set"
                    : $"{path}{right.Tag}: not in the expected data set";
            }

            var difference = CompareElements(left, right, path + left.Tag, vrRule);
            if (difference is not null)
            {
                return difference;
            }
        }

        if (expectedElements.Count > count)
        {
            return $"{path}{expectedElements[count].Tag}: missing from the actual data set";
        }

        return actualElements.Count > count ? $"{path}{actualElements[count].Tag}: not in the expected data set" : null;
    }

    private static List<DicomElement> Compared(DicomDataset dataset) =>
        [.. dataset.Where(element => !(element.Tag.IsGroupLength && element.Tag.Group != 0x0002))];

    private static string? CompareElements(DicomElement expected, DicomElement actual, string path, VRMatch vrRule)
    {
        if (!VRsMatch(expected, actual, vrRule))
        {
            return $"{path}: VR {expected.VR} expected, {actual.VR} found";
        }

        return (expected, actual) switch
        {
            (DicomSequence left, DicomSequence right) => CompareSequences(left, right, path, vrRule),
            (DicomFragmentSequence left, DicomFragmentSequence right) => CompareFragments(left, right, path),
            (DicomValueElement left, DicomValueElement right) => CompareValues(left.Value.Span, right.Value.Span, path),
            _ => $"{path}: {expected.GetType().Name} expected, {actual.GetType().Name} found",
        };
    }

    private static string? CompareSequences(DicomSequence expected, DicomSequence actual, string path, VRMatch vrRule)
    {
        if (expected.Items.Count != actual.Items.Count)
        {
            return $"{path}: {expected.Items.Count} items expected, {actual.Items.Count} found";
        }

        for (var i = 0; i < expected.Items.Count; i++)
        {
            var difference = CompareDatasets(expected.Items[i], actual.Items[i], $"{path}[{i}]/", vrRule);
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }

    private static string? CompareFragments(DicomFragmentSequence expected, DicomFragmentSequence actual, string path)
    {
        var offsetTable = CompareValues(expected.BasicOffsetTable.Span, actual.BasicOffsetTable.Span, path + " Basic Offset Table");
        if (offsetTable is not null)
        {
            return offsetTable;
        }

        if (expected.Fragments.Count != actual.Fragments.Count)
        {
            return $"{path}: {expected.Fragments.Count} fragments expected, {actual.Fragments.Count} found";
        }

        for (var i = 0; i < expected.Fragments.Count; i++)
        {
            var difference = CompareValues(expected.Fragments[i].Span, actual.Fragments[i].Span, $"{path} fragment {i}");
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }

    /// <summary>Compares value bytes, allowing the padding byte a writer adds to an odd-length value.</summary>
    private static string? CompareValues(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, string path)
    {
        var paddedLength = expected.Length + (expected.Length % 2);
        if (actual.Length != expected.Length && actual.Length != paddedLength)
        {
            return $"{path}: value length {expected.Length} expected, {actual.Length} found";
        }

        var mismatch = expected.CommonPrefixLength(actual[..Math.Min(expected.Length, actual.Length)]);
        return mismatch < expected.Length
            ? $"{path}: value differs at byte {mismatch}: 0x{expected[mismatch]:X2} expected, 0x{actual[mismatch]:X2} found"
            : null;
    }

    private static bool VRsMatch(DicomElement expected, DicomElement actual, VRMatch vrRule)
    {
        if (expected.VR == actual.VR)
        {
            return true;
        }

        if (vrRule == VRMatch.Exact)
        {
            return false;
        }

        // Implicit VR carries no VR, so the reader takes the dictionary's or UN.
        if (actual.VR == DicomVR.UN || expected.VR == DicomVR.UN)
        {
            return true;
        }

        // Implicit VR cannot tell OB from OW; PS3.5 A.1 reads Pixel Data there as OW.
        if (IsOBOrOW(expected.VR) && IsOBOrOW(actual.VR))
        {
            return true;
        }

        return DicomDictionary.TryFind(actual.Tag, out var entry)
            && entry.ValueRepresentations.Contains(expected.VR)
            && entry.ValueRepresentations.Contains(actual.VR);
    }

    private static bool IsOBOrOW(DicomVR vr) => vr == DicomVR.OB || vr == DicomVR.OW;
}
