using Node.Dicom.IO;
using Node.Inference.Results;
using Node.Reports.Composition;
using Node.Reports.Localization;

namespace Node.Reports.Sc;

/// <summary>
/// Writes a study's Secondary Capture series: key images chosen by the findings, each with its
/// heatmap overlay and legend, then one summary image with the table of findings. A study not
/// analysed gets the summary image only, stating the reasons.
/// </summary>
public sealed class SecondaryCaptureWriter
{
    private readonly ReportOptions _options;
    private readonly TimeProvider _time;
    private readonly ReportFont _font;

    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="FileNotFoundException">The font is not installed; the message names its Debian package.</exception>
    public SecondaryCaptureWriter(ReportOptions options, TimeProvider? time = null)
    {
        options.ThrowIfInvalid();
        _options = options;
        _time = time ?? TimeProvider.System;
        _font = ReportFont.Default;
    }

    /// <summary>Returns the SC files in instance-number order: key images, then the summary image.</summary>
    /// <exception cref="ArgumentException">The request has no source instance, or one without its UIDs.</exception>
    /// <exception cref="Node.Dicom.Errors.DicomPixelDataException">A key image's pixel data cannot be decoded.</exception>
    public IReadOnlyList<DicomFile> Write(ReportRequest request)
    {
        request.ThrowIfInvalid();
        var createdAt = _time.GetLocalNow().DateTime;
        var series = new ScSeries(_options, request, ReportInstance.NewUid(), createdAt);
        var files = new List<DicomFile>();

        if (request.Result is AnalysedStudyResult analysed)
        {
            var renderer = new KeyImageRenderer(_options, _font);
            foreach (var keyImage in KeyImageSelector.Select(analysed, request.Sources, _options.MaxKeyImages))
            {
                var description = DerivationDescription(keyImage, request.Result.Model);
                files.Add(series.Instance(renderer.Render(keyImage, analysed), files.Count + 1, keyImage.Source, description));
            }
        }

        var summary = new SummaryImageRenderer(_options, _font).Render(request.Result);
        files.Add(series.Instance(summary, files.Count + 1, null, $"Summary of {ReportInstance.ModelLabel(request.Result.Model)} results"));
        return files;
    }

    private static string DerivationDescription(KeyImage keyImage, ModelPackIdentity model)
    {
        var findings = keyImage.OverlayFindings.Where(finding => finding.Heatmap is not null).Select(finding => finding.Finding.Id).ToList();
        var overlay = findings.Count == 0 ? "no heatmap" : "heatmaps of " + string.Join(", ", findings);
        return $"Windowed source image with {overlay} and a legend, {ReportInstance.ModelLabel(model)}";
    }
}
