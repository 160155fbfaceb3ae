using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;
using Node.Inference.Results;

namespace Node.Reports.Composition;

/// <summary>Sets the attributes that the SR and SC instances share: SOP Common, series identity and General Equipment.</summary>
internal static class ReportInstance
{
    public const string Utf8CharacterSet = "ISO_IR 192";

    public static void SetSopCommon(DicomDataset dataset, string sopClassUid, string sopInstanceUid, DateTime createdAt)
    {
        dataset.SetString(DicomTags.SpecificCharacterSet, DicomVR.CS, Utf8CharacterSet);
        dataset.SetUid(DicomTags.SOPClassUID, sopClassUid);
        dataset.SetUid(DicomTags.SOPInstanceUID, sopInstanceUid);
        dataset.SetDate(DicomTags.InstanceCreationDate, DateOnly.FromDateTime(createdAt));
        dataset.SetTime(DicomTags.InstanceCreationTime, TimeOnly.FromDateTime(createdAt));
    }

    public static void SetSeries(DicomDataset dataset, string modality, string seriesInstanceUid, int seriesNumber, string description, DateTime createdAt)
    {
        dataset.SetString(DicomTags.Modality, DicomVR.CS, modality);
        dataset.SetUid(DicomTags.SeriesInstanceUID, seriesInstanceUid);
        dataset.SetInt32(DicomTags.SeriesNumber, seriesNumber);
        dataset.SetString(DicomTags.SeriesDescription, DicomVR.LO, description);
        dataset.SetDate(DicomTags.SeriesDate, DateOnly.FromDateTime(createdAt));
        dataset.SetTime(DicomTags.SeriesTime, TimeOnly.FromDateTime(createdAt));
    }

    /// <summary>General Equipment: the node made the instance, so it is named here, with the model pack among the software versions.</summary>
    public static void SetEquipment(DicomDataset dataset, ReportOptions options, ModelPackIdentity model)
    {
        dataset.SetString(DicomTags.Manufacturer, DicomVR.LO, options.Manufacturer);
        dataset.SetString(DicomTags.ManufacturerModelName, DicomVR.LO, options.DeviceObserverName);
        dataset.SetString(DicomTags.SoftwareVersions, DicomVR.LO, ReportOptions.SoftwareVersion, ModelLabel(model));
    }

    public static void SetContentDateTime(DicomDataset dataset, DateTime createdAt)
    {
        dataset.SetDate(DicomTags.ContentDate, DateOnly.FromDateTime(createdAt));
        dataset.SetTime(DicomTags.ContentTime, TimeOnly.FromDateTime(createdAt));
    }

    /// <summary>"name version", as the reports print the model pack.</summary>
    public static string ModelLabel(ModelPackIdentity model) => $"{model.Name} {model.Version}";

    public static string NewUid() => DicomUid.Generate();
}
