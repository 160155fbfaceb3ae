namespace Node.Inference.Phantoms;

/// <summary>The kinds of phantom study the generator writes.</summary>
public enum PhantomModality
{
    /// <summary>CT Image Storage: three axial slices per study, values in HU.</summary>
    CT,

    /// <summary>Digital Mammography X-Ray Image Storage, For Presentation: four views per study.</summary>
    MG,

    /// <summary>Digital X-Ray Image Storage, For Presentation: one MONOCHROME1 chest view per study.</summary>
    DX,
}
