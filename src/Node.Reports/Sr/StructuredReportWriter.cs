using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Vr;
using Node.Reports.Composition;
using Node.Reports.Localization;

namespace Node.Reports.Sr;

/// <summary>
/// Writes a study's result as a Comprehensive SR following TID 1500 "Measurement Report". Each
/// finding gets a measurement group with its own code, probability, decision threshold and
/// decision, and the "any finding" item is written apart from them. A study not analysed gets
/// the reasons instead.
/// </summary>
public sealed class StructuredReportWriter
{
    public const string ComprehensiveSrSopClassUid = "1.2.840.10008.5.1.4.1.1.88.33";
    public const string SrModality = "SR";

    private readonly ReportOptions _options;
    private readonly TimeProvider _time;

    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public StructuredReportWriter(ReportOptions options, TimeProvider? time = null)
    {
        options.ThrowIfInvalid();
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Returns the SR as a file in Explicit VR Little Endian, with new series and instance UIDs.</summary>
    /// <exception cref="ArgumentException">The request has no source instance, or one without its UIDs.</exception>
    public DicomFile Write(ReportRequest request)
    {
        request.ThrowIfInvalid();
        var createdAt = _time.GetLocalNow().DateTime;
        var language = _options.ReportLanguage;

        var dataset = SourceAttributes.CopyFrom(request.Sources[0].Dataset);
        ReportInstance.SetSopCommon(dataset, ComprehensiveSrSopClassUid, ReportInstance.NewUid(), createdAt);
        ReportInstance.SetSeries(dataset, SrModality, ReportInstance.NewUid(), _options.SrSeriesNumber, ReportTexts.Get(TextKey.SrSeriesDescription, language), createdAt);
        dataset.SetSequence(DicomTags.ReferencedPerformedProcedureStepSequence);
        ReportInstance.SetEquipment(dataset, _options, request.Result.Model);

        SetDocumentGeneral(dataset, request, createdAt);
        SetRootContent(dataset, new SrContentBuilder(_options, request).Build());
        PrivateCodingSchemes.Declare(dataset, _options.Manufacturer);
        if (language == ReportLanguage.Russian)
        {
            CodeMeaningTranslator.Apply(dataset, RussianCodeMeanings.For(request.Result));
        }

        // Items built apart carry their own character set where their text is not ASCII; this
        // re-encodes the tree once under the root's ISO_IR 192 and drops those.
        dataset.ConvertToUtf8();
        return new DicomFile(dataset);
    }

    /// <summary>SR Document General module (PS3.3 C.17.2): no physician has verified an AI result, so it is UNVERIFIED.</summary>
    private static void SetDocumentGeneral(DicomDataset dataset, ReportRequest request, DateTime createdAt)
    {
        dataset.SetInt32(DicomTags.InstanceNumber, 1);
        dataset.SetString(DicomTags.CompletionFlag, DicomVR.CS, "COMPLETE");
        dataset.SetString(DicomTags.VerificationFlag, DicomVR.CS, "UNVERIFIED");
        ReportInstance.SetContentDateTime(dataset, createdAt);
        dataset.SetSequence(DicomTags.PerformedProcedureCodeSequence);
        dataset.SetSequence(DicomTags.CurrentRequestedProcedureEvidenceSequence, [.. Evidence.Build(request.Sources)]);
        if (request.Predecessors is { Count: > 0 } predecessors)
        {
            dataset.SetSequence(DicomTags.PredecessorDocumentsSequence, [.. Evidence.Build(predecessors)]);
        }
    }

    /// <summary>SR Document Content module: the root CONTAINER sits in the data set itself, with TID 1500 as its template.</summary>
    private static void SetRootContent(DicomDataset dataset, IReadOnlyList<DicomDataset> children)
    {
        dataset.SetString(DicomTags.ValueType, DicomVR.CS, ValueType.Container);
        dataset.SetSequence(DicomTags.ConceptNameCodeSequence, ContentItems.CodeItem(SrCodes.ImagingMeasurementReport));
        dataset.SetString(DicomTags.ContinuityOfContent, DicomVR.CS, "SEPARATE");

        var template = new DicomDataset();
        template.SetString(DicomTags.MappingResource, DicomVR.CS, TemplateIdentification.MappingResource);
        template.SetUid(DicomTags.MappingResourceUID, TemplateIdentification.MappingResourceUid);
        template.SetString(DicomTags.TemplateIdentifier, DicomVR.CS, TemplateIdentification.MeasurementReport);
        dataset.SetSequence(DicomTags.ContentTemplateSequence, template);

        dataset.SetSequence(DicomTags.ContentSequence, [.. children]);
    }
}
