namespace Node.Inference.Phantoms;

/// <summary>
/// Generates labeled phantom studies. Each finding is present in a study with probability
/// <see cref="FindingPrevalence"/>, independently of the others; a present finding is planted
/// in one image of the study, picked at random. The same seed and modality give the same
/// studies, and study N does not depend on how many studies are generated.
/// </summary>
public sealed class PhantomGenerator
{
    /// <summary>The fraction of studies that carry each finding.</summary>
    public const double FindingPrevalence = 0.4;

    private readonly PhantomModality _modality;
    private readonly int _seed;
    private readonly int? _imagesPerStudy;

    /// <param name="modality">The modality whose profile the images follow.</param>
    /// <param name="seed">Seed of the random generator; the same arguments give the same studies.</param>
    /// <param name="imagesPerStudy">Images per study in place of the modality's own count (3 CT slices, 4 MG views, 1 DX view); null keeps it.</param>
    public PhantomGenerator(PhantomModality modality, int seed, int? imagesPerStudy = null)
    {
        if (imagesPerStudy is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(imagesPerStudy), imagesPerStudy, "A study needs at least one image.");
        }

        _modality = modality;
        _seed = seed;
        _imagesPerStudy = imagesPerStudy;
    }

    public IEnumerable<PhantomStudy> Generate(int studyCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(studyCount);
        for (var index = 0; index < studyCount; index++)
        {
            yield return GenerateStudy(index);
        }
    }

    public PhantomStudy GenerateStudy(int index)
    {
        var profile = PhantomProfile.For(_modality);
        if (_imagesPerStudy is { } images)
        {
            profile = profile with { ImagesPerStudy = images };
        }

        var random = new Random(StudySeed(index));
        var uids = new PhantomUidGenerator(random);
        var identity = new PhantomSeriesIdentity(
            _seed,
            index,
            uids.Next(),
            uids.Next(),
            uids.Next(),
            [.. Enumerable.Range(0, profile.ImagesPerStudy).Select(_ => uids.Next())]);

        var labels = PhantomFindings.All.ToDictionary(id => id, _ => random.NextDouble() < FindingPrevalence);
        var plantedIn = PhantomFindings.All.ToDictionary(id => id, _ => random.Next(profile.ImagesPerStudy));
        var painter = new PhantomPainter(profile, random);
        var body = painter.DrawBody();

        var instances = Enumerable.Range(0, profile.ImagesPerStudy)
            .Select(image =>
            {
                bool Has(string id) => labels[id] && plantedIn[id] == image;
                var values = painter.Paint(body, Has(PhantomFindings.SmallBrightSpots), Has(PhantomFindings.RoundMasses), Has(PhantomFindings.DarkRegions));
                return PhantomDatasetBuilder.Build(profile, identity, image + 1, values);
            })
            .ToList();

        return new PhantomStudy(index, identity.StudyInstanceUid, instances, labels);
    }

    /// <summary>Returns the seed of study <paramref name="index"/>'s own generator; HashCode is not used because it differs between processes.</summary>
    private int StudySeed(int index) => unchecked((_seed * 1_000_003) + index);
}
