using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Reports.Composition;

/// <summary>
/// Copies the Patient, General Study and Patient Study modules, and the institution, from a source instance into a new
/// report instance, so the report files into the same patient and study. Values are copied as
/// they are and then re-encoded in UTF-8 (ISO_IR 192), the character set of every report.
/// </summary>
internal static class SourceAttributes
{
    /// <summary>Patient module (PS3.3 C.7.1.1) attributes that the node copies when the source has them.</summary>
    private static readonly DicomTag[] PatientTags =
    [
        DicomTags.PatientName, DicomTags.PatientID, DicomTags.IssuerOfPatientID, DicomTags.IssuerOfPatientIDQualifiersSequence,
        DicomTags.TypeOfPatientID, DicomTags.PatientBirthDate, DicomTags.PatientBirthTime, DicomTags.PatientSex,
        DicomTags.OtherPatientIDsSequence, DicomTags.PatientComments, DicomTags.PatientSpeciesDescription,
        DicomTags.PatientIdentityRemoved, DicomTags.DeidentificationMethod, DicomTags.DeidentificationMethodCodeSequence,
        DicomTags.ResponsiblePerson, DicomTags.ResponsibleOrganization,
    ];

    /// <summary>General Study (C.7.2.1) and Patient Study (C.7.2.2) attributes that the node copies when the source has them.</summary>
    private static readonly DicomTag[] StudyTags =
    [
        DicomTags.StudyInstanceUID, DicomTags.StudyDate, DicomTags.StudyTime, DicomTags.ReferringPhysicianName,
        DicomTags.ReferringPhysicianIdentificationSequence, DicomTags.StudyID, DicomTags.AccessionNumber,
        DicomTags.IssuerOfAccessionNumberSequence, DicomTags.StudyDescription, DicomTags.PhysiciansOfRecord,
        DicomTags.NameOfPhysiciansReadingStudy, DicomTags.ProcedureCodeSequence, DicomTags.ReasonForPerformedProcedureCodeSequence,
        DicomTags.AdmittingDiagnosesDescription, DicomTags.PatientAge, DicomTags.PatientSize, DicomTags.PatientWeight,
        DicomTags.Occupation, DicomTags.AdditionalPatientHistory,
    ];

    /// <summary>General Equipment (C.7.5.1) attributes that name the site; the node runs at the same institution as the modality.</summary>
    private static readonly DicomTag[] InstitutionTags =
    [
        DicomTags.InstitutionName, DicomTags.InstitutionAddress, DicomTags.InstitutionalDepartmentName,
    ];

    /// <summary>Type 2 attributes of these modules: present in every report, empty where the source lacks them.</summary>
    private static readonly (DicomTag Tag, DicomVR VR)[] RequiredTags =
    [
        (DicomTags.PatientName, DicomVR.PN), (DicomTags.PatientID, DicomVR.LO), (DicomTags.PatientBirthDate, DicomVR.DA),
        (DicomTags.PatientSex, DicomVR.CS), (DicomTags.StudyDate, DicomVR.DA), (DicomTags.StudyTime, DicomVR.TM),
        (DicomTags.ReferringPhysicianName, DicomVR.PN), (DicomTags.StudyID, DicomVR.SH), (DicomTags.AccessionNumber, DicomVR.SH),
    ];

    /// <summary>Returns a new data set with the source's patient and study attributes, in UTF-8.</summary>
    public static DicomDataset CopyFrom(DicomDataset source)
    {
        var copy = new DicomDataset();
        if (source.GetElement(DicomTags.SpecificCharacterSet) is { } characterSet)
        {
            copy.Set(characterSet);
        }

        foreach (var tag in PatientTags.Concat(StudyTags).Concat(InstitutionTags))
        {
            if (source.GetElement(tag) is { } element)
            {
                copy.Set(CloneElement(element));
            }
        }

        // Decode with the source's character set while it is still in force, then write everything in UTF-8.
        copy.ConvertToUtf8();

        foreach (var (tag, vr) in RequiredTags)
        {
            if (!copy.Contains(tag))
            {
                copy.SetString(tag, vr, string.Empty);
            }
        }

        return copy;
    }

    private static DicomElement CloneElement(DicomElement element) => element switch
    {
        DicomSequence sequence => new DicomSequence(sequence.Tag, sequence.Items.Select(item => item.Clone())),
        _ => element,
    };
}
