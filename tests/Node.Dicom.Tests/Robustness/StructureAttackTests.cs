using Node.Dicom.IO;
using Node.Dicom.Tests.Support;
using Node.Dicom.Uids;

namespace Node.Dicom.Tests.Robustness;

/// <summary>
/// Hostile structures built as bytes: sequences nested 10,000 deep in every encoding that
/// nests, items of undefined length that never end, and encapsulated Pixel Data with a
/// Basic Offset Table longer than the input. Each must be rejected as malformed, within the
/// watchdog's time and the allocation bound, from memory and from streams.
/// </summary>
[TestFixture]
public sealed class StructureAttackTests
{
    private const int DeepNesting = 10_000;
    private const ushort PrivateGroup = 0x0009;
    private const ushort PrivateElement = 0x1010;

    /// <summary>Referenced Image Sequence (0008,1140), a sequence in the dictionary.</summary>
    private const ushort SequenceElement = 0x1140;

    public enum Nesting
    {
        /// <summary>SQ of undefined length in Explicit VR.</summary>
        ExplicitUndefined,

        /// <summary>SQ and items of defined length in Explicit VR.</summary>
        ExplicitDefined,

        /// <summary>A private tag of undefined length in Implicit VR.</summary>
        ImplicitUndefined,

        /// <summary>UN of undefined length in Explicit VR, whose content is Implicit VR.</summary>
        UnknownVRUndefined,
    }

    private static IEnumerable<TestCaseData> UnendingStructures()
    {
        yield return Case("undefined item, then end of input", Explicit().ExplicitHeader(0x0008, SequenceElement, "SQ", DicomBytes.UndefinedLength).Item().Explicit(0x0010, 0x0020, "LO", DicomBytes.Text("P1")));
        yield return Case("undefined item, then another item", Explicit().ExplicitHeader(0x0008, SequenceElement, "SQ", DicomBytes.UndefinedLength).Item().Explicit(0x0010, 0x0020, "LO", DicomBytes.Text("P1")).Item().ItemDelimiter().SequenceDelimiter());
        yield return Case("item delimiter, then end of input", Explicit().ExplicitHeader(0x0008, SequenceElement, "SQ", DicomBytes.UndefinedLength).Item().ItemDelimiter());
        yield return Case("sequence delimiter closing an item", Explicit().ExplicitHeader(0x0008, SequenceElement, "SQ", DicomBytes.UndefinedLength).Item().SequenceDelimiter());
        yield return Case("item delimiter at top level", Explicit().Explicit(0x0010, 0x0020, "LO", DicomBytes.Text("P1")).ItemDelimiter());
        yield return Case("10,000 undefined items, none closed", Repeat(Explicit().ExplicitHeader(0x0008, SequenceElement, "SQ", DicomBytes.UndefinedLength), DeepNesting, bytes => bytes.Item()));
        yield return Case("10,000 undefined implicit items, none closed", Repeat(Implicit().ImplicitHeader(PrivateGroup, PrivateElement, DicomBytes.UndefinedLength), DeepNesting, bytes => bytes.Item()));
        yield return Case("UN of undefined length, then end of input", Explicit().ExplicitHeader(PrivateGroup, PrivateElement, "UN", DicomBytes.UndefinedLength).Item().Implicit(0x0010, 0x0020, DicomBytes.Text("P1")));
        yield return Case("fragments without sequence delimiter", Encapsulated(8).Raw(new byte[8]).Item(4).Raw(new byte[4]));
        yield return Case("fragment of undefined length", Encapsulated(0).Item(DicomBytes.UndefinedLength).Raw(new byte[16]).SequenceDelimiter());
    }

    private static IEnumerable<TestCaseData> OffsetTableLengths() =>
        new[] { 0xFFFFFFFFu, 0xFFFFFFF0u, 0x7FFFFFFFu, 17u }.Select(length => new TestCaseData(length).SetArgDisplayNames($"0x{length:X8}"));

    [Test]
    public void Deep_nesting_throws_format_exception([Values] Nesting nesting, [Values] InputSource source)
    {
        var outcome = GuardedParser.Check(Nested(nesting, DeepNesting), source);

        Assert.That(outcome.Failure, Is.Null);
        Assert.That(outcome.Rejection?.Reason, Does.Contain("nest"));
    }

    [Test]
    [Description("The default limit of 64 levels is reached exactly by valid input and passed by one level more.")]
    public void Nesting_at_limit_reads_one_more_throws([Values] Nesting nesting)
    {
        var atLimit = GuardedParser.Check(Nested(nesting, DicomReadOptions.DefaultMaxSequenceDepth), InputSource.Memory);
        var pastLimit = GuardedParser.Check(Nested(nesting, DicomReadOptions.DefaultMaxSequenceDepth + 1), InputSource.Memory);

        Assert.That(atLimit.Failure, Is.Null);
        Assert.That(atLimit.Rejection, Is.Null, "64 levels are read");
        Assert.That(pastLimit.Failure, Is.Null);
        Assert.That(pastLimit.Rejection, Is.Not.Null, "65 levels are rejected");
    }

    [Test]
    [Description("A raised limit must not let input overflow the stack, which would end the process.")]
    public void Raised_depth_limit_does_not_crash([Values] Nesting nesting)
    {
        var options = new DicomReadOptions { MaxSequenceDepth = int.MaxValue };

        var outcome = GuardedParser.Check(Nested(nesting, DeepNesting * 5), InputSource.Memory, options);

        Assert.That(outcome.Failure, Is.Null);
        Assert.That(outcome.Rejection?.Reason, Does.Contain("stack"));
    }

    [TestCaseSource(nameof(UnendingStructures))]
    public void Unending_structure_throws_format_exception(byte[] input)
    {
        foreach (var source in Enum.GetValues<InputSource>())
        {
            var outcome = GuardedParser.Check(input, source);

            Assert.That(outcome.Failure, Is.Null, source.ToString());
            Assert.That(outcome.Rejection, Is.Not.Null, source.ToString());
        }
    }

    [TestCaseSource(nameof(OffsetTableLengths))]
    public void Huge_offset_table_throws_format_exception(uint length)
    {
        var input = Encapsulated(length).Raw(new byte[16]).SequenceDelimiter().ToArray();

        foreach (var source in Enum.GetValues<InputSource>())
        {
            var outcome = GuardedParser.Check(input, source);

            Assert.That(outcome.Failure, Is.Null, source.ToString());
            Assert.That(outcome.Rejection, Is.Not.Null, source.ToString());
        }
    }

    [Test]
    [Description("Many small structures are valid; each costs a bounded multiple of its bytes.")]
    public void Many_small_items_read_within_bounds()
    {
        var items = Repeat(Explicit().ExplicitHeader(0x0008, SequenceElement, "SQ", DicomBytes.UndefinedLength), 20_000, bytes => bytes.Item(0)).SequenceDelimiter().ToArray();
        var fragments = Repeat(Encapsulated(0), 20_000, bytes => bytes.Item(0)).SequenceDelimiter().ToArray();

        foreach (var input in new[] { items, fragments })
        {
            var outcome = GuardedParser.Check(input, InputSource.NonSeekableStream);

            Assert.That(outcome.Failure, Is.Null);
            Assert.That(outcome.Rejection, Is.Null);
        }
    }

    private static TestCaseData Case(string name, DicomBytes bytes) => new TestCaseData(bytes.ToArray()).SetArgDisplayNames(name);

    private static DicomBytes Explicit() => new DicomBytes().Preamble().FileMeta(DicomTransferSyntax.ExplicitVRLittleEndian.Uid);

    private static DicomBytes Implicit() => new DicomBytes().Preamble().FileMeta(DicomTransferSyntax.ImplicitVRLittleEndian.Uid);

    /// <summary>Starts RLE Lossless Pixel Data of undefined length with a Basic Offset Table item of <paramref name="offsetTableLength"/>.</summary>
    private static DicomBytes Encapsulated(uint offsetTableLength) =>
        new DicomBytes()
            .Preamble()
            .FileMeta(DicomTransferSyntax.RLELossless.Uid)
            .ExplicitHeader(0x7FE0, 0x0010, "OB", DicomBytes.UndefinedLength)
            .Item(offsetTableLength);

    private static DicomBytes Repeat(DicomBytes bytes, int count, Func<DicomBytes, DicomBytes> append)
    {
        for (var i = 0; i < count; i++)
        {
            append(bytes);
        }

        return bytes;
    }

    /// <summary>Builds a file whose sequences nest <paramref name="depth"/> levels, each with one item, around one element.</summary>
    private static byte[] Nested(Nesting nesting, int depth) => nesting switch
    {
        Nesting.ExplicitUndefined => NestedUndefined(Explicit(), depth, bytes => bytes.ExplicitHeader(0x0008, SequenceElement, "SQ", DicomBytes.UndefinedLength), explicitInside: true),
        Nesting.ImplicitUndefined => NestedUndefined(Implicit(), depth, bytes => bytes.ImplicitHeader(PrivateGroup, PrivateElement, DicomBytes.UndefinedLength), explicitInside: false),
        Nesting.UnknownVRUndefined => NestedUndefined(
            Explicit().ExplicitHeader(PrivateGroup, PrivateElement, "UN", DicomBytes.UndefinedLength).Item(),
            depth - 1,
            bytes => bytes.ImplicitHeader(PrivateGroup, PrivateElement, DicomBytes.UndefinedLength),
            explicitInside: false,
            outerLevels: 1),
        _ => NestedDefined(depth),
    };

    private static byte[] NestedUndefined(DicomBytes bytes, int depth, Func<DicomBytes, DicomBytes> sequenceHeader, bool explicitInside, int outerLevels = 0)
    {
        for (var i = 0; i < depth; i++)
        {
            sequenceHeader(bytes).Item();
        }

        if (explicitInside)
        {
            bytes.Explicit(0x0010, 0x0020, "LO", DicomBytes.Text("P1"));
        }
        else
        {
            bytes.Implicit(0x0010, 0x0020, DicomBytes.Text("P1"));
        }

        for (var i = 0; i < depth + outerLevels; i++)
        {
            bytes.ItemDelimiter().SequenceDelimiter();
        }

        return bytes.ToArray();
    }

    /// <summary>Nests with defined lengths, computed outside in: each level adds a 12-byte SQ header and an 8-byte item header.</summary>
    private static byte[] NestedDefined(int depth)
    {
        const int levelHeaders = 12 + 8;
        var inner = new DicomBytes().Explicit(0x0010, 0x0020, "LO", DicomBytes.Text("P1")).ToArray();
        var bytes = Explicit();
        for (var i = 0; i < depth; i++)
        {
            var itemLength = (uint)(inner.Length + (levelHeaders * (depth - 1 - i)));
            bytes.ExplicitHeader(0x0008, SequenceElement, "SQ", itemLength + 8).Item(itemLength);
        }

        return bytes.Raw(inner).ToArray();
    }
}
