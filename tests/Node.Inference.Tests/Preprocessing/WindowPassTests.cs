using Node.Inference.Preprocessing;

namespace Node.Inference.Tests.Preprocessing;

[Description("The window pass handles eight values at a time where it can; it must give what VoiWindow gives value by value.")]
public sealed class WindowPassTests
{
    /// <summary>Body outline threshold of the tests, in modality units.</summary>
    private const double BodyThreshold = -500.0;

    [TestCase(false)]
    [TestCase(true)]
    public void Levels_equal_voi_window_bit_for_bit(bool invert)
    {
        var window = new VoiWindow(40, 400);
        var values = Values();
        var expected = values.Select(value => (float)(invert ? 1.0 - window.Apply(value) : window.Apply(value))).ToArray();

        WindowPass.Apply(values, window, invert, BodyThreshold);

        Assert.That(values, Is.EqualTo(expected));
    }

    [Test]
    public void Body_counts_match_scalar_counts()
    {
        var window = new VoiWindow(40, 400);
        var values = Values();
        var body = values.Where(value => value >= BodyThreshold).ToList();
        var backgroundSum = values.Where(value => value < BodyThreshold).Sum(value => window.Apply(value));

        var (bodyPixels, clippedBodyPixels, sum) = WindowPass.Apply(values, window, invert: false, BodyThreshold);

        Assert.That(bodyPixels, Is.EqualTo(body.Count));
        Assert.That(clippedBodyPixels, Is.EqualTo(body.Count(value => window.Clips(value))));
        Assert.That(sum, Is.EqualTo(backgroundSum).Within(1e-9));
    }

    [Test]
    [Description("A width of 1 leaves no value between the bounds: every value is 0 or 1.")]
    public void Width_one_gives_only_zero_and_one()
    {
        var values = Values();

        WindowPass.Apply(values, new VoiWindow(40, 1), invert: false, BodyThreshold);

        Assert.That(values.Distinct().Order(), Is.EqualTo(new[] { 0f, 1f }));
    }

    /// <summary>
    /// 1,003 values, so that the last three fall outside the groups of eight: every even integer
    /// from -1000 to 996, then the window's bounds, the body threshold and a value just above the
    /// lower bound.
    /// </summary>
    private static float[] Values()
    {
        var window = new VoiWindow(40, 400);
        float[] edges = [(float)window.Lower, (float)window.Upper, (float)BodyThreshold, (float)window.Lower + 0.25f];
        return [.. Enumerable.Range(0, 999).Select(index => -1000f + (2 * index)), .. edges];
    }
}
