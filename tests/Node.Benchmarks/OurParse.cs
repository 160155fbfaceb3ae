using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Vr;

namespace Node.Benchmarks;

/// <summary>
/// Times our full parse: <see cref="DicomFile.Open"/> of every file, then every text value
/// decoded and every byte of every binary value read once, so no work is left lazy.
/// </summary>
internal static class OurParse
{
    /// <summary>Times one parse of every file; <paramref name="checksum"/> collects the values read, so no read can be skipped.</summary>
    public static TimeSpan TimeOnce(IReadOnlyList<string> files, ref ulong checksum)
    {
        var timer = Stopwatch.StartNew();
        checksum += ParseAll(files);
        return timer.Elapsed;
    }

    private static ulong ParseAll(IReadOnlyList<string> files)
    {
        ulong checksum = 0;
        foreach (var path in files)
        {
            checksum ^= Touch(DicomFile.Open(path).Dataset);
        }

        return checksum;
    }

    private static ulong Touch(DicomDataset dataset)
    {
        ulong checksum = 0;
        foreach (var element in dataset)
        {
            checksum ^= element switch
            {
                DicomSequence sequence => sequence.Items.Aggregate(0UL, (sum, item) => sum ^ Touch(item)),
                DicomFragmentSequence fragments => fragments.Fragments.Aggregate(Fold(fragments.BasicOffsetTable.Span), (sum, fragment) => sum ^ Fold(fragment.Span)),
                DicomValueElement { VR.Kind: DicomVRKind.Text } text => (ulong)(dataset.GetString(text.Tag)?.Length ?? 0),
                DicomValueElement value => Fold(value.Value.Span),
                _ => 0,
            };
        }

        return checksum;
    }

    /// <summary>XORs every byte of <paramref name="bytes"/> into a 64-bit value, a vector at a time.</summary>
    private static ulong Fold(ReadOnlySpan<byte> bytes)
    {
        var vectors = MemoryMarshal.Cast<byte, Vector<ulong>>(bytes);
        var accumulator = Vector<ulong>.Zero;
        foreach (var vector in vectors)
        {
            accumulator ^= vector;
        }

        ulong folded = 0;
        for (var i = 0; i < Vector<ulong>.Count; i++)
        {
            folded ^= accumulator[i];
        }

        foreach (var rest in bytes[(vectors.Length * Vector<byte>.Count)..])
        {
            folded = (folded << 1) ^ rest;
        }

        return folded;
    }
}
