namespace Node.Inference.Phantoms;

/// <summary>
/// The look of one modality's phantoms: size, images per study, the levels of background, tissue
/// and each planted feature in modality units, and how modality values become stored values.
/// Feature sizes are in pixels of a 192-pixel image and scale with <see cref="Rows"/>.
/// </summary>
internal sealed record PhantomProfile(
    PhantomModality Modality,
    string SopClassUid,
    int Rows,
    int Columns,
    int ImagesPerStudy,
    double PixelSpacingMm,
    string PhotometricInterpretation,
    double RescaleIntercept,
    double WindowCenter,
    double WindowWidth,
    double BackgroundLevel,
    double TissueLevel,
    double TissueGradient,
    (double Min, double Max) SpotContrast,
    (double Min, double Max) MassContrast,
    (double Min, double Max) DarkLevel,
    double NoiseSigma)
{
    /// <summary>Stored values use 12 of 16 allocated bits, unsigned.</summary>
    public const int BitsStored = 12;

    public const int MaxStoredValue = (1 << BitsStored) - 1;

    /// <summary>The image size the feature sizes are stated for.</summary>
    public const double ReferenceSide = 192.0;

    public double Scale => Rows / ReferenceSide;

    public static PhantomProfile For(PhantomModality modality) => modality switch
    {
        PhantomModality.CT => new(
            modality, "1.2.840.10008.5.1.4.1.1.2", 192, 192, 3, 2.0, "MONOCHROME2", -1024, 40, 400,
            BackgroundLevel: -1000, TissueLevel: 40, TissueGradient: 10,
            SpotContrast: (150, 400), MassContrast: (50, 110), DarkLevel: (-120, -60), NoiseSigma: 15),
        PhantomModality.MG => new(
            modality, "1.2.840.10008.5.1.4.1.1.1.2", 256, 192, 4, 0.5, "MONOCHROME2", 0, 1800, 2400,
            BackgroundLevel: 150, TissueLevel: 1800, TissueGradient: 80,
            SpotContrast: (600, 1400), MassContrast: (200, 420), DarkLevel: (1000, 1300), NoiseSigma: 50),
        _ => new(
            modality, "1.2.840.10008.5.1.4.1.1.1.1", 256, 256, 1, 1.0, "MONOCHROME1", 0, 2000, 3000,
            BackgroundLevel: 300, TissueLevel: 2000, TissueGradient: 100,
            SpotContrast: (600, 1400), MassContrast: (200, 420), DarkLevel: (1200, 1500), NoiseSigma: 50),
    };
}
