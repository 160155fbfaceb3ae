using Node.Dicom.Text;
using NUnit.Framework;

namespace Node.Dicom.Tests.Text;

[TestFixture]
public sealed class GraphicCharacterSetTests
{
    private static readonly char[] Delimiters = ['\\', '^', '=', '\r', '\n', '\f', '\t'];

    private static IEnumerable<TestCaseData> SetsWithTables() =>
        GraphicCharacterSet.All
            .Where(set => set.Element == CodeElement.G1 || set.IsDoubleByte)
            .Select(set => new TestCaseData(set.Registration));

    [TestCaseSource(nameof(SetsWithTables))]
    [Description("A decoded delimiter must come from a delimiter byte, or splitting after decoding would break values.")]
    public void Table_holds_no_delimiter_character(string registration)
    {
        var set = GraphicCharacterSet.All.Single(candidate => candidate.Registration == registration);
        var characters = set.IsDoubleByte ? DoubleByteCharacters(set) : UpperHalfCharacters(set);

        Assert.That(characters.Intersect(Delimiters), Is.Empty);
    }

    [Test]
    public void Escape_sequences_are_distinct()
    {
        var sequences = GraphicCharacterSet.All.Select(set => Convert.ToHexString(set.EscapeSequence));

        Assert.That(sequences, Is.Unique);
    }

    private static IEnumerable<char> UpperHalfCharacters(GraphicCharacterSet set) =>
        Enumerable.Range(0x80, 0x80).Select(code => set.DecodeUpperHalf((byte)code));

    private static IEnumerable<char> DoubleByteCharacters(GraphicCharacterSet set) =>
        from row in Enumerable.Range(0x21, 94)
        from cell in Enumerable.Range(0x21, 94)
        select set.DecodeDoubleByte((byte)row, (byte)cell);
}
