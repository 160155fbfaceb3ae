using System.Globalization;
using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Inference.Phantoms;

/// <summary>
/// Builds the data set of one phantom instance with the headers of a real one of its modality:
/// patient, study, series and instance identity, image plane, image pixel and the modality LUT
/// and VOI window. The patient name (Phantom^...) and manufacturer mark it as synthetic.
/// </summary>
internal static class PhantomDatasetBuilder
{
    private const string ImplementationManufacturer = "AI Node phantom generator";

    /// <summary>The fixed date of the first phantom study; study N is N days later.</summary>
    private static readonly DateOnly FirstStudyDate = new(2024, 1, 1);

    public static DicomDataset Build(PhantomProfile profile, PhantomSeriesIdentity identity, int instanceNumber, double[] modalityValues)
    {
        var dataset = new DicomDataset();
        SetPatientAndStudy(dataset, profile, identity);
        SetSeriesAndInstance(dataset, profile, identity, instanceNumber);
        SetImagePlane(dataset, profile, instanceNumber);
        SetImagePixel(dataset, profile, modalityValues);
        return dataset;
    }

    private static void SetPatientAndStudy(DicomDataset dataset, PhantomProfile profile, PhantomSeriesIdentity identity)
    {
        var number = identity.StudyIndex + 1;
        var date = FirstStudyDate.AddDays(identity.StudyIndex % 3650);
        dataset.SetString(DicomTags.PatientName, DicomVR.PN, $"Phantom^{profile.Modality}{number:D4}");
        dataset.SetString(DicomTags.PatientID, DicomVR.LO, $"PHANTOM-{identity.Seed}-{number:D4}");
        dataset.SetString(DicomTags.PatientBirthDate, DicomVR.DA, string.Empty);
        dataset.SetString(DicomTags.PatientSex, DicomVR.CS, "O");
        dataset.SetUid(DicomTags.StudyInstanceUID, identity.StudyInstanceUid);
        dataset.SetDate(DicomTags.StudyDate, date);
        dataset.SetTime(DicomTags.StudyTime, new TimeOnly(9, 0, 0));
        dataset.SetString(DicomTags.StudyID, DicomVR.SH, number.ToString(CultureInfo.InvariantCulture));
        dataset.SetString(DicomTags.AccessionNumber, DicomVR.SH, $"PH{identity.Seed % 100000:D5}{number:D5}");
        dataset.SetString(DicomTags.ReferringPhysicianName, DicomVR.PN, string.Empty);
        dataset.SetString(DicomTags.StudyDescription, DicomVR.LO, $"Phantom {profile.Modality} study");
    }

    private static void SetSeriesAndInstance(DicomDataset dataset, PhantomProfile profile, PhantomSeriesIdentity identity, int instanceNumber)
    {
        dataset.SetUid(DicomTags.SOPClassUID, profile.SopClassUid);
        dataset.SetUid(DicomTags.SOPInstanceUID, identity.SopInstanceUids[instanceNumber - 1]);
        dataset.SetString(DicomTags.Modality, DicomVR.CS, profile.Modality.ToString());
        dataset.SetString(DicomTags.Manufacturer, DicomVR.LO, ImplementationManufacturer);
        dataset.SetUid(DicomTags.SeriesInstanceUID, identity.SeriesInstanceUid);
        dataset.SetUid(DicomTags.FrameOfReferenceUID, identity.FrameOfReferenceUid);
        dataset.SetString(DicomTags.SeriesNumber, DicomVR.IS, "1");
        dataset.SetString(DicomTags.InstanceNumber, DicomVR.IS, instanceNumber.ToString(CultureInfo.InvariantCulture));
        dataset.SetString(DicomTags.BurnedInAnnotation, DicomVR.CS, "NO");
        dataset.SetString(DicomTags.AcquisitionNumber, DicomVR.IS, "1");

        if (profile.Modality == PhantomModality.CT)
        {
            dataset.SetString(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
            dataset.SetString(DicomTags.KVP, DicomVR.DS, "120");
            dataset.SetString(DicomTags.RescaleType, DicomVR.LO, "HU");
            dataset.SetString(DicomTags.PatientPosition, DicomVR.CS, "HFS");

            // Laterality (2C) stays empty: a body ellipse has no known side.
            dataset.SetString(DicomTags.Laterality, DicomVR.CS, string.Empty);
        }
        else
        {
            var (laterality, view) = ProjectionView(profile, instanceNumber);
            dataset.SetString(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY");
            dataset.SetString(DicomTags.PresentationIntentType, DicomVR.CS, "FOR PRESENTATION");
            dataset.SetString(DicomTags.ViewPosition, DicomVR.CS, view);
            dataset.SetString(DicomTags.ImageLaterality, DicomVR.CS, laterality);
            SetProjectionAttributes(dataset, profile, view);
        }
    }

    /// <summary>Sets the DX Image, DX Detector, positioning and anatomy attributes that DX and MG images require.</summary>
    private static void SetProjectionAttributes(DicomDataset dataset, PhantomProfile profile, string view)
    {
        var mammography = profile.Modality == PhantomModality.MG;
        var monochrome1 = profile.PhotometricInterpretation == "MONOCHROME1";
        dataset.SetString(DicomTags.PixelIntensityRelationship, DicomVR.CS, "LIN");
        dataset.SetValues<short>(DicomTags.PixelIntensityRelationshipSign, DicomVR.SS, monochrome1 ? (short)-1 : (short)1);
        dataset.SetString(DicomTags.RescaleType, DicomVR.LO, "US");
        dataset.SetString(DicomTags.PresentationLUTShape, DicomVR.CS, monochrome1 ? "INVERSE" : "IDENTITY");
        dataset.SetString(DicomTags.LossyImageCompression, DicomVR.CS, "00");
        dataset.SetString(DicomTags.DetectorType, DicomVR.CS, "DIRECT");
        dataset.SetString(DicomTags.PositionerType, DicomVR.CS, mammography ? "MAMMOGRAPHIC" : string.Empty);
        dataset.SetSequence(DicomTags.AcquisitionContextSequence);

        // SNOMED CT codes of the anatomic region (CID 4031) and the view (CID 4014, CID 7484).
        dataset.SetSequence(DicomTags.AnatomicRegionSequence, mammography ? Code("76752008", "Breast") : Code("51185008", "Thorax"));
        var viewCode = view switch
        {
            "CC" => Code("399162004", "cranio-caudal"),
            "MLO" => Code("399368009", "medio-lateral oblique"),
            _ => Code("399348003", "postero-anterior"),
        };
        dataset.SetSequence(DicomTags.ViewCodeSequence, viewCode);
        if (mammography)
        {
            dataset.SetString(DicomTags.OrganExposed, DicomVR.CS, "BREAST");
        }
    }

    private static DicomDataset Code(string value, string meaning)
    {
        var item = new DicomDataset();
        item.SetString(DicomTags.CodeValue, DicomVR.SH, value);
        item.SetString(DicomTags.CodingSchemeDesignator, DicomVR.SH, "SCT");
        item.SetString(DicomTags.CodeMeaning, DicomVR.LO, meaning);
        return item;
    }

    /// <summary>Returns the laterality and view: R CC, L CC, R MLO, L MLO for mammograms, and U PA for a chest view.</summary>
    private static (string Laterality, string View) ProjectionView(PhantomProfile profile, int instanceNumber) =>
        profile.Modality == PhantomModality.MG
            ? (instanceNumber % 2 == 1 ? "R" : "L", instanceNumber <= 2 ? "CC" : "MLO")
            : ("U", "PA");

    private static void SetImagePlane(DicomDataset dataset, PhantomProfile profile, int instanceNumber)
    {
        var spacing = Format(profile.PixelSpacingMm);
        if (profile.Modality == PhantomModality.CT)
        {
            const double sliceThicknessMm = 5.0;
            var z = Format(-100.0 + (sliceThicknessMm * (instanceNumber - 1)));
            var left = Format(-profile.Columns * profile.PixelSpacingMm / 2);
            var top = Format(-profile.Rows * profile.PixelSpacingMm / 2);
            dataset.SetString(DicomTags.PixelSpacing, DicomVR.DS, spacing, spacing);
            dataset.SetString(DicomTags.SliceThickness, DicomVR.DS, Format(sliceThicknessMm));
            dataset.SetString(DicomTags.ImagePositionPatient, DicomVR.DS, left, top, z);
            dataset.SetString(DicomTags.ImageOrientationPatient, DicomVR.DS, "1", "0", "0", "0", "1", "0");
            dataset.SetString(DicomTags.PositionReferenceIndicator, DicomVR.LO, string.Empty);
            return;
        }

        // Projection images state the spacing at the detector and carry a patient orientation instead of a position.
        dataset.SetString(DicomTags.ImagerPixelSpacing, DicomVR.DS, spacing, spacing);
        dataset.SetString(DicomTags.PixelSpacing, DicomVR.DS, spacing, spacing);
        dataset.SetString(DicomTags.PatientOrientation, DicomVR.CS, "P", "F");
        dataset.SetString(DicomTags.PositionReferenceIndicator, DicomVR.LO, string.Empty);
    }

    private static void SetImagePixel(DicomDataset dataset, PhantomProfile profile, double[] modalityValues)
    {
        dataset.SetValues<ushort>(DicomTags.SamplesPerPixel, DicomVR.US, 1);
        dataset.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, profile.PhotometricInterpretation);
        dataset.SetValues<ushort>(DicomTags.Rows, DicomVR.US, (ushort)profile.Rows);
        dataset.SetValues<ushort>(DicomTags.Columns, DicomVR.US, (ushort)profile.Columns);
        dataset.SetValues<ushort>(DicomTags.BitsAllocated, DicomVR.US, 16);
        dataset.SetValues<ushort>(DicomTags.BitsStored, DicomVR.US, PhantomProfile.BitsStored);
        dataset.SetValues<ushort>(DicomTags.HighBit, DicomVR.US, PhantomProfile.BitsStored - 1);
        dataset.SetValues<ushort>(DicomTags.PixelRepresentation, DicomVR.US, 0);
        dataset.SetString(DicomTags.RescaleIntercept, DicomVR.DS, Format(profile.RescaleIntercept));
        dataset.SetString(DicomTags.RescaleSlope, DicomVR.DS, "1");
        dataset.SetString(DicomTags.WindowCenter, DicomVR.DS, Format(profile.WindowCenter));
        dataset.SetString(DicomTags.WindowWidth, DicomVR.DS, Format(profile.WindowWidth));
        dataset.SetValues(DicomTags.PixelData, DicomVR.OW, ToStored(profile, modalityValues));
    }

    /// <summary>
    /// Returns stored values: modality value minus Rescale Intercept, rounded and clamped to 12
    /// bits. MONOCHROME1 stores the complement, so that low values display white.
    /// </summary>
    private static ushort[] ToStored(PhantomProfile profile, double[] modalityValues)
    {
        var invert = profile.PhotometricInterpretation == "MONOCHROME1";
        var stored = new ushort[modalityValues.Length];
        for (var i = 0; i < stored.Length; i++)
        {
            var value = Math.Clamp(Math.Round(modalityValues[i] - profile.RescaleIntercept), 0, PhantomProfile.MaxStoredValue);
            stored[i] = (ushort)(invert ? PhantomProfile.MaxStoredValue - value : value);
        }

        return stored;
    }

    private static string Format(double value) => DicomDecimalString.Format(value);
}
