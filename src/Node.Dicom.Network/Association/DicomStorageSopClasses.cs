namespace Node.Dicom.Network.Association;

/// <summary>
/// A few common storage SOP classes by name, for callers and tests that want a short list
/// instead of the registry's full one.
/// </summary>
public static class DicomStorageSopClasses
{
    public const string ComputedRadiographyImage = "1.2.840.10008.5.1.4.1.1.1";
    public const string DigitalXRayImageForPresentation = "1.2.840.10008.5.1.4.1.1.1.1";
    public const string DigitalMammographyXRayImageForPresentation = "1.2.840.10008.5.1.4.1.1.1.2";
    public const string CTImage = "1.2.840.10008.5.1.4.1.1.2";
    public const string EnhancedCTImage = "1.2.840.10008.5.1.4.1.1.2.1";
    public const string UltrasoundMultiFrameImage = "1.2.840.10008.5.1.4.1.1.3.1";
    public const string MRImage = "1.2.840.10008.5.1.4.1.1.4";
    public const string EnhancedMRImage = "1.2.840.10008.5.1.4.1.1.4.1";
    public const string UltrasoundImage = "1.2.840.10008.5.1.4.1.1.6.1";
    public const string SecondaryCaptureImage = "1.2.840.10008.5.1.4.1.1.7";
    public const string MultiFrameGrayscaleByteSecondaryCaptureImage = "1.2.840.10008.5.1.4.1.1.7.2";
    public const string MultiFrameGrayscaleWordSecondaryCaptureImage = "1.2.840.10008.5.1.4.1.1.7.3";
    public const string MultiFrameTrueColorSecondaryCaptureImage = "1.2.840.10008.5.1.4.1.1.7.4";
    public const string XRayAngiographicImage = "1.2.840.10008.5.1.4.1.1.12.1";
    public const string NuclearMedicineImage = "1.2.840.10008.5.1.4.1.1.20";
    public const string BasicTextSR = "1.2.840.10008.5.1.4.1.1.88.11";
    public const string EnhancedSR = "1.2.840.10008.5.1.4.1.1.88.22";
    public const string ComprehensiveSR = "1.2.840.10008.5.1.4.1.1.88.33";
    public const string Comprehensive3DSR = "1.2.840.10008.5.1.4.1.1.88.34";
    public const string KeyObjectSelectionDocument = "1.2.840.10008.5.1.4.1.1.88.59";
    public const string PositronEmissionTomographyImage = "1.2.840.10008.5.1.4.1.1.128";
    public const string RTImage = "1.2.840.10008.5.1.4.1.1.481.1";
    public const string RTDose = "1.2.840.10008.5.1.4.1.1.481.2";
    public const string RTStructureSet = "1.2.840.10008.5.1.4.1.1.481.3";
    public const string RTPlan = "1.2.840.10008.5.1.4.1.1.481.5";
    public const string SegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.4";
    public const string GrayscaleSoftcopyPresentationState = "1.2.840.10008.5.1.4.1.1.11.1";
    public const string EncapsulatedPdf = "1.2.840.10008.5.1.4.1.1.104.1";

    /// <summary>Every UID above.</summary>
    public static IReadOnlySet<string> Common { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ComputedRadiographyImage, DigitalXRayImageForPresentation, DigitalMammographyXRayImageForPresentation, CTImage,
        EnhancedCTImage, UltrasoundMultiFrameImage, MRImage, EnhancedMRImage, UltrasoundImage, SecondaryCaptureImage,
        MultiFrameGrayscaleByteSecondaryCaptureImage, MultiFrameGrayscaleWordSecondaryCaptureImage,
        MultiFrameTrueColorSecondaryCaptureImage, XRayAngiographicImage, NuclearMedicineImage, BasicTextSR, EnhancedSR,
        ComprehensiveSR, Comprehensive3DSR, KeyObjectSelectionDocument, PositronEmissionTomographyImage, RTImage, RTDose,
        RTStructureSet, RTPlan, SegmentationStorage, GrayscaleSoftcopyPresentationState, EncapsulatedPdf,
    };
}
