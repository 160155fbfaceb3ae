using System.Globalization;
using Node.Inference.Results;

namespace Node.Inference.Tests.Results;

public sealed class ProbabilityTests
{
    [TestCase(double.NaN)]
    [TestCase(-0.1)]
    [TestCase(1.1)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void Constructor_rejects_non_probability(double value)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new Probability(value));

        Assert.That(exception!.ParamName, Is.EqualTo("value"));
        Assert.That(exception.Message, Does.Contain(value.ToString("R", CultureInfo.InvariantCulture)));
    }

    [TestCase(0.0)]
    [TestCase(1.0)]
    [TestCase(0.123456789012345678)]
    public void Constructor_keeps_value_unrounded(double value)
    {
        Assert.That(new Probability(value).Value, Is.EqualTo(value));
    }

    [Test]
    public void Round_trip_text_parses_back_exactly()
    {
        var probability = new Probability(0.1 + 0.2);

        var parsed = double.Parse(probability.ToRoundTripString(), CultureInfo.InvariantCulture);

        Assert.That(parsed, Is.EqualTo(probability.Value));
    }

    [Test]
    public void Percent_display_is_labelled_and_rounded()
    {
        Assert.That(new Probability(0.1234).FormatAsPercentForDisplay(), Is.EqualTo("12.3 %"));
        Assert.That(new Probability(1.0).FormatAsPercentForDisplay(), Is.EqualTo("100.0 %"));
    }

    [Test]
    public void Decision_threshold_is_inclusive()
    {
        var threshold = new Probability(0.5);

        Assert.That(new Probability(0.5).MeetsDecisionThreshold(threshold), Is.True);
        Assert.That(new Probability(0.4999999).MeetsDecisionThreshold(threshold), Is.False);
    }
}
