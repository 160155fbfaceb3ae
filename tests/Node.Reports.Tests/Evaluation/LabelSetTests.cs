using Node.Reports.Evaluation;

namespace Node.Reports.Tests.Evaluation;

public sealed class LabelSetTests
{
    [Test]
    public void Labels_parse_phantom_format()
    {
        var labels = LabelSet.Parse([LabelSet.Header, "1.2.3,round-masses,1", "1.2.3,dark-regions,0", string.Empty]);

        Assert.That(labels.Count, Is.EqualTo(2));
        Assert.That(labels.TryGet("1.2.3", "round-masses", out var mass) && mass, Is.True);
        Assert.That(labels.TryGet("1.2.3", "dark-regions", out var dark) && !dark, Is.True);
    }

    [TestCase("StudyInstanceUID,Label")]
    [TestCase("")]
    public void Labels_reject_wrong_header(string header)
    {
        var exception = Assert.Throws<InvalidDataException>(() => LabelSet.Parse([header, "1.2.3,x,1"]));

        Assert.That(exception!.Message, Does.Contain("line 1"));
    }

    [TestCase("1.2.3,x,2", "label \"2\"")]
    [TestCase("1.2.3,x", "2 fields")]
    public void Labels_reject_bad_row(string row, string expected)
    {
        var exception = Assert.Throws<InvalidDataException>(() => LabelSet.Parse([LabelSet.Header, row]));

        Assert.That(exception!.Message, Does.Contain("line 2").And.Contain(expected));
    }

    [Test]
    public void Labels_reject_duplicate_row()
    {
        Assert.Throws<InvalidDataException>(() => LabelSet.Parse([LabelSet.Header, "1.2.3,x,1", "1.2.3,x,0"]));
    }
}
