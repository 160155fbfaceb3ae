using Node.Inference.Packs;
using Node.Inference.Preprocessing;

namespace Node.Inference.Tests.Preprocessing;

public sealed class VoiWindowTests
{
    [TestCase(-1000.0, 0.0)]
    [TestCase(-160.0, 0.0)]
    [TestCase(39.5, 0.5)]
    [TestCase(239.0, 1.0)]
    [TestCase(3000.0, 1.0)]
    [Description("PS3.3 C.11.2.1.2.1 linear function with centre 40 and width 400, output range [0, 1]: x <= c - 0.5 - (w-1)/2 gives 0, x > c - 0.5 + (w-1)/2 gives 1.")]
    public void Linear_window_maps_values(double value, double expected)
    {
        var window = new VoiWindow(40, 400);

        Assert.That(window.Apply(value), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Window_edges_count_as_clipped()
    {
        var window = new VoiWindow(40, 400);

        Assert.That(window.Clips(window.Lower), Is.True);
        Assert.That(window.Clips(window.Lower + 0.01), Is.False);
        Assert.That(window.Clips(window.Upper), Is.False);
        Assert.That(window.Clips(window.Upper + 0.01), Is.True);
    }

    [Test]
    public void Width_below_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new VoiWindow(40, 0.5));
    }

    [Test]
    public void Width_one_is_a_step()
    {
        var window = new VoiWindow(100, 1);

        Assert.That(window.Apply(99.5), Is.EqualTo(0.0));
        Assert.That(window.Apply(99.6), Is.EqualTo(1.0));
    }

    [Test]
    public void Bilinear_resize_interpolates_between_centres()
    {
        float[] source = [0, 10];

        var resized = ImageResampler.Resize(source, 1, 2, 1, 4, Interpolation.Bilinear);

        Assert.That(resized, Is.EqualTo(new float[] { 0, 2.5f, 7.5f, 10 }));
    }

    [Test]
    public void Nearest_resize_copies_nearest_pixel()
    {
        float[] source = [1, 2, 3, 4];

        var resized = ImageResampler.Resize(source, 2, 2, 4, 4, Interpolation.Nearest);

        Assert.That(resized, Is.EqualTo(new float[] { 1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4 }));
    }
}
