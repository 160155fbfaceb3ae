using Node.Dicom.IO;
using Node.Reports.Sc;
using Node.Reports.Sr;

namespace Node.Reports;

/// <summary>Writes both result series of a study, the SR and the SC images, as the node sends them to the PACS.</summary>
public sealed class StudyReportWriter
{
    public const string SrFileName = "sr.dcm";

    private readonly StructuredReportWriter _sr;
    private readonly SecondaryCaptureWriter _sc;

    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="FileNotFoundException">The SC font is not installed; the message names its Debian package.</exception>
    public StudyReportWriter(ReportOptions options, TimeProvider? time = null)
    {
        _sr = new StructuredReportWriter(options, time);
        _sc = new SecondaryCaptureWriter(options, time);
    }

    /// <summary>Returns the SR and the SC images of one study.</summary>
    public (DicomFile Sr, IReadOnlyList<DicomFile> Sc) Write(ReportRequest request) => (_sr.Write(request), _sc.Write(request));

    /// <summary>Writes sr.dcm and sc-001.dcm, sc-002.dcm and so on into <paramref name="folder"/>, created where needed, and returns their paths.</summary>
    public IReadOnlyList<string> Save(ReportRequest request, string folder)
    {
        Directory.CreateDirectory(folder);
        var (sr, sc) = Write(request);
        var paths = new List<string> { Path.Combine(folder, SrFileName) };
        sr.Save(paths[0]);
        for (var i = 0; i < sc.Count; i++)
        {
            var path = Path.Combine(folder, $"sc-{i + 1:D3}.dcm");
            sc[i].Save(path);
            paths.Add(path);
        }

        return paths;
    }
}
