using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Inference.Packs;
using Node.Inference.Results;
using Node.Reports.Composition;
using Node.Reports.Localization;

namespace Node.Reports.Sr;

/// <summary>Builds the children of the TID 1500 root container, in template order.</summary>
internal sealed class SrContentBuilder
{
    private readonly ReportOptions _options;
    private readonly ReportRequest _request;
    private readonly ReportLanguage _language;

    /// <summary>Source SOP Class UIDs by SOP Instance UID, for IMAGE items.</summary>
    private readonly Dictionary<string, string> _sopClassByInstance;

    /// <summary>Number of Frames (0028,0008) of each multi-frame source, by SOP Instance UID.</summary>
    private readonly Dictionary<string, int> _frameCountByInstance;

    public SrContentBuilder(ReportOptions options, ReportRequest request)
    {
        _options = options;
        _request = request;
        _language = options.ReportLanguage;
        _sopClassByInstance = request.Sources
            .DistinctBy(source => source.SopInstanceUid, StringComparer.Ordinal)
            .ToDictionary(source => source.SopInstanceUid, source => source.SopClassUid, StringComparer.Ordinal);
        _frameCountByInstance = request.Sources
            .DistinctBy(source => source.SopInstanceUid, StringComparer.Ordinal)
            .Select(source => (source.SopInstanceUid, Frames: source.Dataset.TryGetInt32(DicomTags.NumberOfFrames, out var frames) ? frames : 1))
            .Where(source => source.Frames > 1)
            .ToDictionary(source => source.SopInstanceUid, source => source.Frames, StringComparer.Ordinal);
    }

    public IReadOnlyList<DicomDataset> Build()
    {
        var children = new List<DicomDataset>
        {
            // TID 1204 language, then TID 1001 observer context, then the procedure.
            ContentItems.Code(RelationshipType.HasConceptModifier, SrCodes.LanguageOfContent, SrCodes.LanguageCode(_language)),
        };
        children.AddRange(ObserverContext());
        children.Add(ContentItems.Code(RelationshipType.HasConceptModifier, SrCodes.ProcedureReported, SrCodes.ProcedureFor(_request.Sources[0].Dataset.GetString(DicomTags.Modality))));
        children.Add(ImageLibrary());

        switch (_request.Result)
        {
            case AnalysedStudyResult analysed:
                children.Add(ImagingMeasurements(analysed));
                children.Add(AnyFindingEvaluation(analysed.AnyFinding));
                break;
            case NotAnalysedStudyResult notAnalysed:
                children.Add(NotAnalysedEvaluation(notAnalysed));
                break;
            default:
                throw new ArgumentException($"Unknown study result type {_request.Result.GetType().Name}.", nameof(_request));
        }

        return children;
    }

    /// <summary>TID 1002 observer context for a device (TID 1004): the node, with the model pack as its model name.</summary>
    private IEnumerable<DicomDataset> ObserverContext()
    {
        const string context = RelationshipType.HasObservationContext;
        yield return ContentItems.Code(context, SrCodes.ObserverType, SrCodes.Device);
        yield return ContentItems.UidRef(context, SrCodes.DeviceObserverUid, _options.EffectiveDeviceObserverUid);
        yield return ContentItems.Text(context, SrCodes.DeviceObserverName, _options.DeviceObserverName);
        yield return ContentItems.Text(context, SrCodes.DeviceObserverManufacturer, _options.Manufacturer);
        yield return ContentItems.Text(context, SrCodes.DeviceObserverModelName, ReportInstance.ModelLabel(_request.Result.Model));
    }

    /// <summary>TID 1600 Image Library with one group holding every source instance; OHIF dereferences it without a check, so it is always written.</summary>
    private DicomDataset ImageLibrary()
    {
        var images = _request.Sources
            .DistinctBy(source => source.SopInstanceUid, StringComparer.Ordinal)
            .Select(source => ContentItems.Image(RelationshipType.Contains, null, source.SopClassUid, source.SopInstanceUid));
        var group = ContentItems.Container(RelationshipType.Contains, SrCodes.ImageLibraryGroup, images);
        return ContentItems.Container(RelationshipType.Contains, SrCodes.ImageLibrary, [group]);
    }

    private DicomDataset ImagingMeasurements(AnalysedStudyResult result) =>
        ContentItems.Container(RelationshipType.Contains, SrCodes.ImagingMeasurements, result.Findings.Select(finding => MeasurementGroup(finding, result)));

    /// <summary>
    /// TID 1501 measurement group of one finding. The tracking identifier is the finding id, the
    /// key that labels and evaluations use; the probability and the decision threshold are NUMs
    /// with unit 1; the decision is a CODE whose concept is the finding's own code.
    /// </summary>
    private DicomDataset MeasurementGroup(FindingResult finding, AnalysedStudyResult result)
    {
        var definition = finding.Finding;
        var items = new List<DicomDataset>
        {
            ContentItems.Text(RelationshipType.HasObservationContext, SrCodes.TrackingIdentifier, definition.Id),
            ContentItems.UidRef(RelationshipType.HasObservationContext, SrCodes.TrackingUniqueIdentifier, ReportInstance.NewUid()),
            ContentItems.Code(RelationshipType.Contains, SrCodes.Finding, definition.Code),
        };
        items.AddRange(AlgorithmIdentification());

        items.AddRange(SourceImages(definition, finding.MeetsDecisionThreshold, result)
            .Select(source => ContentItems.Image(RelationshipType.Contains, SrCodes.SourceOfMeasurement, _sopClassByInstance[source.Uid], source.Uid, source.Frames)));
        items.Add(ContentItems.Num(RelationshipType.Contains, SrCodes.CertaintyOfFinding, finding.Probability.Value, SrCodes.NoUnits));
        items.Add(ContentItems.Num(RelationshipType.Contains, SrCodes.CadOperatingPoint, definition.DecisionThreshold.Value, SrCodes.NoUnits));
        items.Add(ContentItems.Code(RelationshipType.Contains, definition.Code, finding.MeetsDecisionThreshold ? SrCodes.Present : SrCodes.Absent));
        return ContentItems.Container(RelationshipType.Contains, SrCodes.MeasurementGroup, items);
    }

    /// <summary>
    /// Returns the instances a finding was found on: those whose own probability meets the
    /// decision threshold where the finding is present, else every analysed instance, since an
    /// absent finding was judged on all of them. Each comes with the frames the reference applies
    /// to, or none where it applies to every frame of the instance.
    /// </summary>
    private IEnumerable<(string Uid, IReadOnlyList<int> Frames)> SourceImages(FindingDefinition definition, bool present, AnalysedStudyResult result)
    {
        var analysed = result.Images
            .Select(image => (Uid: image.Image.SopInstanceUid, image.Image.FrameNumber, Finding: image.Findings.FirstOrDefault(item => item.Finding.Id == definition.Id)))
            .Where(image => image.Finding is not null && _sopClassByInstance.ContainsKey(image.Uid))
            .ToList();
        var found = analysed.Where(image => image.Finding!.MeetsDecisionThreshold).ToList();
        return (present && found.Count > 0 ? found : analysed)
            .GroupBy(image => image.Uid, StringComparer.Ordinal)
            .Select(instance => (instance.Key, ReferencedFrames(instance.Key, [.. instance.Select(image => image.FrameNumber)])));
    }

    /// <summary>Returns the frame numbers to reference in a multi-frame instance, or none where they cover all of its frames or it has one frame.</summary>
    private IReadOnlyList<int> ReferencedFrames(string sopInstanceUid, IReadOnlyList<int?> frameNumbers)
    {
        if (!_frameCountByInstance.TryGetValue(sopInstanceUid, out var frameCount) || frameNumbers.Any(frame => frame is null))
        {
            return [];
        }

        int[] frames = [.. frameNumbers.Select(frame => frame!.Value).Distinct().Order()];
        return frames.Length < frameCount ? frames : [];
    }

    /// <summary>TID 4019 algorithm identification: the model pack's name and version, the ONNX file's SHA-256 and the settings hash.</summary>
    private IEnumerable<DicomDataset> AlgorithmIdentification()
    {
        const string modifier = RelationshipType.HasConceptModifier;
        var model = _request.Result.Model;
        yield return ContentItems.Text(modifier, SrCodes.AlgorithmName, model.Name);
        yield return ContentItems.Text(modifier, SrCodes.AlgorithmVersion, model.Version);
        yield return ContentItems.Text(modifier, SrCodes.AlgorithmParameters, AlgorithmParameterText.OnnxSha256Prefix + model.OnnxSha256);
        yield return ContentItems.Text(modifier, SrCodes.AlgorithmParameters, AlgorithmParameterText.SettingsSha256Prefix + _request.SettingsSha256);
    }

    /// <summary>The study-level "any finding" item, coded apart from every finding, in the document's qualitative evaluations.</summary>
    private static DicomDataset AnyFindingEvaluation(AnyFindingResult anyFinding)
    {
        var item = ContentItems.Code(RelationshipType.Contains, anyFinding.Definition.Code, anyFinding.IsPresent ? SrCodes.Present : SrCodes.Absent);
        return ContentItems.Container(RelationshipType.Contains, SrCodes.QualitativeEvaluations, [item]);
    }

    /// <summary>Qualitative evaluations of a study not analysed: the model identification, then one TEXT per reason, and no probabilities.</summary>
    private DicomDataset NotAnalysedEvaluation(NotAnalysedStudyResult result)
    {
        var items = new List<DicomDataset>();
        items.AddRange(AlgorithmIdentification());
        items.AddRange(result.Reasons.Select(reason => ContentItems.Text(RelationshipType.Contains, SrCodes.ReasonNotAnalysed, ReasonTexts.Describe(reason, _language))));
        return ContentItems.Container(RelationshipType.Contains, SrCodes.QualitativeEvaluations, items);
    }
}
