using System.Numerics;

namespace Node.Dicom.Generator.Merging;

/// <summary>Orders UIDs component by component as numbers, so 1.2.840.10008.1.2.4.100 follows 1.2.840.10008.1.2.4.99.</summary>
internal sealed class UidComparer : IComparer<string>
{
    public static readonly UidComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var left = (x ?? string.Empty).Split('.');
        var right = (y ?? string.Empty).Split('.');
        for (var index = 0; index < Math.Min(left.Length, right.Length); index++)
        {
            var order = BigInteger.Parse(left[index]).CompareTo(BigInteger.Parse(right[index]));
            if (order != 0)
            {
                return order;
            }
        }

        return left.Length.CompareTo(right.Length);
    }
}
