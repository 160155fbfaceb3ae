using Node.Inference.Results;

namespace Node.Reports.Sc;

/// <summary>
/// Chooses a study's key images by its findings. Each present finding, most probable first,
/// contributes the image where it is most probable. Where no finding is present, the one image
/// with the highest probability of any finding is chosen, so the reader sees where the model looked.
/// </summary>
internal static class KeyImageSelector
{
    public static IReadOnlyList<KeyImage> Select(AnalysedStudyResult result, IReadOnlyList<SourceInstance> sources, int maxImages)
    {
        var sourceByUid = sources
            .DistinctBy(source => source.SopInstanceUid, StringComparer.Ordinal)
            .ToDictionary(source => source.SopInstanceUid, StringComparer.Ordinal);
        var images = result.Images.Where(image => sourceByUid.ContainsKey(image.Image.SopInstanceUid)).ToList();
        if (maxImages == 0 || images.Count == 0)
        {
            return [];
        }

        var present = result.Findings.Where(finding => finding.MeetsDecisionThreshold).OrderByDescending(finding => finding.Probability).ToList();
        var leading = present.Count > 0 ? present : [result.Findings.MaxBy(finding => finding.Probability)!];

        var chosen = new List<(ImageResult Image, List<FindingResult> Findings)>();
        foreach (var finding in leading)
        {
            var best = images.MaxBy(image => ImageProbability(image, finding.Finding.Id))!;
            var imageFinding = best.Findings.First(item => item.Finding.Id == finding.Finding.Id);
            var existing = chosen.FindIndex(entry => ReferenceEquals(entry.Image, best));
            if (existing >= 0)
            {
                chosen[existing].Findings.Add(imageFinding);
            }
            else if (chosen.Count < maxImages)
            {
                chosen.Add((best, [imageFinding]));
            }
        }

        return [.. chosen.Select(entry => new KeyImage(entry.Image, sourceByUid[entry.Image.Image.SopInstanceUid], entry.Findings))];
    }

    private static double ImageProbability(ImageResult image, string findingId) =>
        image.Findings.FirstOrDefault(finding => finding.Finding.Id == findingId)?.Probability.Value ?? -1.0;
}
