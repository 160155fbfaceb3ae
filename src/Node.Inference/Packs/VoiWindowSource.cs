namespace Node.Inference.Packs;

/// <summary>Where the VOI window's centre and width come from.</summary>
public enum VoiWindowSource
{
    /// <summary>The centre and width written in the manifest, the same for every instance.</summary>
    Manifest,

    /// <summary>The first Window Center and Window Width of each instance.</summary>
    Image,
}
