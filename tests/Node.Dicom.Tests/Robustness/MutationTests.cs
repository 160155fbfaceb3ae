using System.Diagnostics;
using Node.Dicom.Tests.Support;

namespace Node.Dicom.Tests.Robustness;

/// <summary>
/// Seeded mutations of small sample files (Explicit and Implicit VR, an SR with deep
/// sequences, deflated, RLE fragments, big endian). Every case must end with a data set or a
/// DicomFormatException, in bounded time and memory. A failure prints the seed or the
/// mutation, and the same seed gives the same input again.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class MutationTests
{
    /// <summary>Random mutations per sample: six samples make 12,000.</summary>
    private const int RandomMutationsPerSample = 2000;

    /// <summary>How many failures a test prints in full before it counts the rest.</summary>
    private const int MaxFailuresPrinted = 10;

    private static readonly string[] SampleNames =
    [
        "MR_small.dcm", "rtplan.dcm", "test-SR.dcm", "image_dfl.dcm", "MR_small_RLE.dcm", "MR_small_bigendian.dcm",
    ];

    [TestCaseSource(nameof(SampleNames))]
    public void Random_mutations_parse_or_throw_format(string name)
    {
        var sample = MutationSample.Load(Samples.Pydicom(name));
        var mutator = new Mutator(sample);
        var firstSeed = Array.IndexOf(SampleNames, name) * 1_000_000;

        var mutations = Enumerable.Range(firstSeed, RandomMutationsPerSample).Select(mutator.Random);

        AssertAllHandled(mutations);
    }

    [TestCaseSource(nameof(SampleNames))]
    public void Truncations_parse_or_throw_format(string name)
    {
        var sample = MutationSample.Load(Samples.Pydicom(name));

        AssertAllHandled(new Mutator(sample).Truncations());
    }

    [TestCaseSource(nameof(SampleNames))]
    [Description("Every length field set to 0xFFFFFFFF, 0xFFFFFFF0 and one more than the bytes that remain.")]
    public void Inflated_lengths_parse_or_throw_format(string name)
    {
        var sample = MutationSample.Load(Samples.Pydicom(name));

        AssertAllHandled(new Mutator(sample).InflatedLengths());
    }

    /// <summary>
    /// Runs every mutation, three in ten of them from a stream of unknown length and one in ten
    /// from a seekable stream, and fails with the first failures where any case failed.
    /// </summary>
    private static void AssertAllHandled(IEnumerable<Mutation> mutations)
    {
        var failures = new List<string>();
        var count = 0;
        var timer = Stopwatch.StartNew();
        foreach (var mutation in mutations)
        {
            var source = (count % 10) switch { < 6 => InputSource.Memory, 6 => InputSource.SeekableStream, _ => InputSource.NonSeekableStream };
            var failure = GuardedParser.Check(mutation.Input, source).Failure;
            if (failure is not null)
            {
                failures.Add($"{mutation.Description}{Environment.NewLine}  {failure}");
            }

            count++;
        }

        TestContext.Out.WriteLine($"{count} cases in {timer.Elapsed.TotalSeconds:F1} s, {failures.Count} failed");
        var printed = string.Join(Environment.NewLine, failures.Take(MaxFailuresPrinted));
        Assert.That(failures, Is.Empty, $"{failures.Count} of {count} cases failed; the first:{Environment.NewLine}{printed}");
    }
}
