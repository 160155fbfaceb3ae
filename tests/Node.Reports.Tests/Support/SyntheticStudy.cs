using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Dicom.Vr;
using Node.Inference.Packs;
using Node.Inference.Preprocessing;
using Node.Inference.Results;
using Node.Inference.Validation;

namespace Node.Reports.Tests.Support;

/// <summary>
/// A fixed study that needs no model: one 256 × 256 CT slice with a bright disc, three findings
/// with fixed probabilities, and a heatmap blob over the disc. Rendering it gives the same
/// picture on every run, for the reference PNG.
/// </summary>
internal static class SyntheticStudy
{
    public const int Size = 256;
    public const int HeatmapSize = 64;

    public static readonly ModelPackIdentity Model = new("synthetic-pack", "2.3.1", new string('a', 64));

    public static readonly FindingDefinition Nodule = new("nodule", 0, new CodedConcept("27925004", "SCT", "Nodule"), new DisplayNames("Nodule", "Узел"), new Probability(0.5));
    public static readonly FindingDefinition Effusion = new("effusion", 1, new CodedConcept("60046008", "SCT", "Pleural effusion"), new DisplayNames("Pleural effusion", "Плевральный выпот"), new Probability(0.3));
    public static readonly FindingDefinition Mass = new("mass", 2, new CodedConcept("4147007", "SCT", "Mass"), new DisplayNames("Mass", "Образование"), new Probability(0.6));
    public static readonly AnyFindingDefinition AnyFinding = new(new CodedConcept("AIN-ANY", "99AINODE", "Any finding"), new DisplayNames("Any finding", "Любая находка"));

    public static ReportRequest Request()
    {
        var source = SourceInstance.FromDataset(Slice());
        var identity = ImageIdentity.Of(source.Dataset);
        var heatmap = Blob();
        FindingResult[] imageFindings =
        [
            new(Nodule, new Probability(0.873456789012345), heatmap),
            new(Effusion, new Probability(0.1234), null),
            new(Mass, new Probability(0.05), null),
        ];
        var image = new ImageResult(identity, imageFindings, new ImageMeasures(0.5, 0.01, 0.0, new VoiWindow(40, 400)));
        FindingResult[] studyFindings = [.. imageFindings.Select(finding => finding with { Heatmap = null })];
        var result = new AnalysedStudyResult(identity.StudyInstanceUid, Model, studyFindings, new AnyFindingResult(AnyFinding, true, ["nodule"]), [image]);
        return new ReportRequest(result, [source], new string('b', 64));
    }

    /// <summary>A CT slice in HU: air around a body disc of 40 HU with a 300 HU disc inside.</summary>
    private static DicomDataset Slice()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.PatientName, DicomVR.PN, "Synthetic^Patient");
        dataset.SetString(DicomTags.PatientID, DicomVR.LO, "SYN-0001");
        dataset.SetUid(DicomTags.StudyInstanceUID, "1.2.826.0.1.3680043.10.1234.100");
        dataset.SetUid(DicomTags.SeriesInstanceUID, "1.2.826.0.1.3680043.10.1234.100.1");
        dataset.SetUid(DicomTags.SOPInstanceUID, "1.2.826.0.1.3680043.10.1234.100.1.1");
        dataset.SetUid(DicomTags.SOPClassUID, "1.2.840.10008.5.1.4.1.1.2");
        dataset.SetString(DicomTags.Modality, DicomVR.CS, "CT");
        dataset.SetValues<ushort>(DicomTags.SamplesPerPixel, DicomVR.US, 1);
        dataset.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        dataset.SetValues<ushort>(DicomTags.Rows, DicomVR.US, Size);
        dataset.SetValues<ushort>(DicomTags.Columns, DicomVR.US, Size);
        dataset.SetValues<ushort>(DicomTags.BitsAllocated, DicomVR.US, 16);
        dataset.SetValues<ushort>(DicomTags.BitsStored, DicomVR.US, 12);
        dataset.SetValues<ushort>(DicomTags.HighBit, DicomVR.US, 11);
        dataset.SetValues<ushort>(DicomTags.PixelRepresentation, DicomVR.US, 0);
        dataset.SetString(DicomTags.RescaleIntercept, DicomVR.DS, "-1024");
        dataset.SetString(DicomTags.RescaleSlope, DicomVR.DS, "1");

        var stored = new ushort[Size * Size];
        for (var row = 0; row < Size; row++)
        {
            for (var column = 0; column < Size; column++)
            {
                var body = Square(row - 128) + Square(column - 128) < Square(100);
                var disc = Square(row - 100) + Square(column - 150) < Square(14);
                var hu = -1000;
                if (disc)
                {
                    hu = 300;
                }
                else if (body)
                {
                    hu = 40 + ((row - 128) / 4);
                }

                stored[(row * Size) + column] = (ushort)(hu + 1024);
            }
        }

        dataset.SetValues(DicomTags.PixelData, DicomVR.OW, stored);
        return dataset;
    }

    /// <summary>A Gaussian blob centred on the bright disc, peak 0.95.</summary>
    private static Heatmap Blob()
    {
        var values = new float[HeatmapSize * HeatmapSize];
        var scale = (double)Size / HeatmapSize;
        for (var row = 0; row < HeatmapSize; row++)
        {
            for (var column = 0; column < HeatmapSize; column++)
            {
                var distanceSquared = Square(((row + 0.5) * scale) - 100) + Square(((column + 0.5) * scale) - 150);
                values[(row * HeatmapSize) + column] = (float)(0.95 * Math.Exp(-distanceSquared / (2 * 18.0 * 18.0)));
            }
        }

        return new Heatmap(HeatmapSize, HeatmapSize, values);
    }

    private static double Square(double value) => value * value;
}
