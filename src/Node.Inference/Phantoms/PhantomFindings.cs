namespace Node.Inference.Phantoms;

/// <summary>The findings a phantom can carry; the ids match those of the reference model pack.</summary>
public static class PhantomFindings
{
    public const string SmallBrightSpots = "small-bright-spots";
    public const string RoundMasses = "round-masses";
    public const string DarkRegions = "dark-regions";

    /// <summary>Every finding, in the reference pack's output order.</summary>
    public static IReadOnlyList<string> All { get; } = [SmallBrightSpots, RoundMasses, DarkRegions];
}
