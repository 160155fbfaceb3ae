using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Vr;
using Node.Reports.Composition;
using Node.Reports.Localization;

namespace Node.Reports.Sc;

/// <summary>
/// Builds the SC Image IOD instances of one series (PS3.3 A.8.1). Patient and study are copied
/// from the source; the series is new; SC Equipment states conversion type WSD. Pixels are RGB in
/// Planar Configuration 0, with Burned In Annotation YES because every image carries text.
/// </summary>
internal sealed class ScSeries
{
    public const string SecondaryCaptureSopClassUid = "1.2.840.10008.5.1.4.1.1.7";

    /// <summary>Modality OT: a derived capture, kept apart from the source modality's hanging protocols.</summary>
    public const string OtherModality = "OT";

    /// <summary>Conversion Type (0008,0064) WSD: made on a workstation.</summary>
    public const string WorkstationConversion = "WSD";

    private const string SourceImagePurposeCode = "121322";
    private const string SourceImagePurposeMeaning = "Source image for image processing operation";

    private readonly ReportOptions _options;
    private readonly ReportRequest _request;
    private readonly string _seriesInstanceUid;
    private readonly DateTime _createdAt;

    public ScSeries(ReportOptions options, ReportRequest request, string seriesInstanceUid, DateTime createdAt)
    {
        _options = options;
        _request = request;
        _seriesInstanceUid = seriesInstanceUid;
        _createdAt = createdAt;
    }

    /// <param name="image">The rendered picture.</param>
    /// <param name="instanceNumber">Instance Number, from 1.</param>
    /// <param name="derivedFrom">The source image it shows, or null for the summary image.</param>
    /// <param name="derivationDescription">Derivation Description (0008,2111): how the picture was made.</param>
    public DicomFile Instance(RgbImage image, int instanceNumber, SourceInstance? derivedFrom, string derivationDescription)
    {
        var dataset = SourceAttributes.CopyFrom(_request.Sources[0].Dataset);
        ReportInstance.SetSopCommon(dataset, SecondaryCaptureSopClassUid, ReportInstance.NewUid(), _createdAt);
        ReportInstance.SetSeries(dataset, OtherModality, _seriesInstanceUid, _options.ScSeriesNumber, ReportTexts.Get(TextKey.ScSeriesDescription, _options.ReportLanguage), _createdAt);
        ReportInstance.SetEquipment(dataset, _options, _request.Result.Model);
        dataset.SetString(DicomTags.Laterality, DicomVR.CS, Laterality(derivedFrom));
        SetScEquipment(dataset);
        SetGeneralImage(dataset, instanceNumber);
        SetReferences(dataset, derivedFrom, derivationDescription);
        SetImagePixel(dataset, image);
        return new DicomFile(dataset);
    }

    /// <summary>
    /// Laterality (0020,0060), type 2C for paired body parts: the source image's Laterality or
    /// Image Laterality where it is L or R, else empty, which means "not known".
    /// </summary>
    private static string Laterality(SourceInstance? derivedFrom)
    {
        var source = derivedFrom?.Dataset;
        var value = source?.GetString(DicomTags.Laterality) is { Length: > 0 } laterality ? laterality : source?.GetString(DicomTags.ImageLaterality);
        return value is "L" or "R" ? value : string.Empty;
    }

    private void SetScEquipment(DicomDataset dataset)
    {
        dataset.SetString(DicomTags.ConversionType, DicomVR.CS, WorkstationConversion);
        dataset.SetString(DicomTags.SecondaryCaptureDeviceManufacturer, DicomVR.LO, _options.Manufacturer);
        dataset.SetString(DicomTags.SecondaryCaptureDeviceManufacturerModelName, DicomVR.LO, _options.DeviceObserverName);
        dataset.SetString(DicomTags.SecondaryCaptureDeviceSoftwareVersions, DicomVR.LO, ReportOptions.SoftwareVersion, ReportInstance.ModelLabel(_request.Result.Model));
        dataset.SetDate(DicomTags.DateOfSecondaryCapture, DateOnly.FromDateTime(_createdAt));
        dataset.SetTime(DicomTags.TimeOfSecondaryCapture, TimeOnly.FromDateTime(_createdAt));
    }

    private void SetGeneralImage(DicomDataset dataset, int instanceNumber)
    {
        dataset.SetInt32(DicomTags.InstanceNumber, instanceNumber);
        dataset.SetString(DicomTags.ImageType, DicomVR.CS, "DERIVED", "SECONDARY");
        ReportInstance.SetContentDateTime(dataset, _createdAt);

        // Type 2C without Image Orientation (Patient): present, and empty because a legend band
        // below the picture leaves no single orientation for the whole image.
        dataset.SetString(DicomTags.PatientOrientation, DicomVR.CS, string.Empty);
        dataset.SetString(DicomTags.BurnedInAnnotation, DicomVR.CS, "YES");
        dataset.SetString(DicomTags.RecognizableVisualFeatures, DicomVR.CS, "NO");
        dataset.SetString(DicomTags.LossyImageCompression, DicomVR.CS, "00");
    }

    /// <summary>General Reference module: the source image, whose pixels were resized and extended by the legend band, so spatial locations are not preserved.</summary>
    private static void SetReferences(DicomDataset dataset, SourceInstance? derivedFrom, string derivationDescription)
    {
        dataset.SetString(DicomTags.DerivationDescription, DicomVR.ST, derivationDescription);
        if (derivedFrom is null)
        {
            return;
        }

        var purpose = new DicomDataset();
        purpose.SetString(DicomTags.CodeValue, DicomVR.SH, SourceImagePurposeCode);
        purpose.SetString(DicomTags.CodingSchemeDesignator, DicomVR.SH, "DCM");
        purpose.SetString(DicomTags.CodeMeaning, DicomVR.LO, SourceImagePurposeMeaning);

        var item = new DicomDataset();
        item.SetUid(DicomTags.ReferencedSOPClassUID, derivedFrom.SopClassUid);
        item.SetUid(DicomTags.ReferencedSOPInstanceUID, derivedFrom.SopInstanceUid);
        item.SetSequence(DicomTags.PurposeOfReferenceCodeSequence, purpose);
        item.SetString(DicomTags.SpatialLocationsPreserved, DicomVR.CS, "NO");
        dataset.SetSequence(DicomTags.SourceImageSequence, item);
    }

    /// <summary>Image Pixel module for 8-bit RGB, interleaved (Planar Configuration 0), as PS3.3 C.8.6.3 allows for SC.</summary>
    internal static void SetImagePixel(DicomDataset dataset, RgbImage image)
    {
        dataset.SetValues<ushort>(DicomTags.SamplesPerPixel, DicomVR.US, RgbImage.SamplesPerPixel);
        dataset.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "RGB");
        dataset.SetValues<ushort>(DicomTags.PlanarConfiguration, DicomVR.US, 0);
        dataset.SetValues<ushort>(DicomTags.Rows, DicomVR.US, checked((ushort)image.Rows));
        dataset.SetValues<ushort>(DicomTags.Columns, DicomVR.US, checked((ushort)image.Columns));
        dataset.SetValues<ushort>(DicomTags.BitsAllocated, DicomVR.US, 8);
        dataset.SetValues<ushort>(DicomTags.BitsStored, DicomVR.US, 8);
        dataset.SetValues<ushort>(DicomTags.HighBit, DicomVR.US, 7);
        dataset.SetValues<ushort>(DicomTags.PixelRepresentation, DicomVR.US, 0);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OB, image.Pixels);
    }
}
