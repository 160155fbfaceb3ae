using Node.Dicom.Data;
using Node.Dicom.Tags;

namespace Node.Reports.Sr;

/// <summary>
/// Builds the Hierarchical SOP Instance Reference macro (PS3.3 C.17.2.1): one item per study,
/// each listing its series and, in each series, its instances.
/// </summary>
internal static class Evidence
{
    public static IEnumerable<DicomDataset> Build(IEnumerable<SourceInstance> sources)
    {
        foreach (var study in sources.GroupBy(source => source.StudyInstanceUid, StringComparer.Ordinal))
        {
            var studyItem = new DicomDataset();
            studyItem.SetUid(DicomTags.StudyInstanceUID, study.Key);
            studyItem.SetSequence(DicomTags.ReferencedSeriesSequence, [.. study.GroupBy(source => source.SeriesInstanceUid, StringComparer.Ordinal).Select(SeriesItem)]);
            yield return studyItem;
        }
    }

    private static DicomDataset SeriesItem(IGrouping<string, SourceInstance> series)
    {
        var item = new DicomDataset();
        item.SetUid(DicomTags.SeriesInstanceUID, series.Key);
        var instances = series
            .DistinctBy(source => source.SopInstanceUid, StringComparer.Ordinal)
            .Select(source => ContentItems.SopReference(source.SopClassUid, source.SopInstanceUid));
        item.SetSequence(DicomTags.ReferencedSOPSequence, [.. instances]);
        return item;
    }
}
