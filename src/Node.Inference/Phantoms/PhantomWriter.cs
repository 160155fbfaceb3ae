using System.Globalization;
using System.Text;
using Node.Dicom.IO;

namespace Node.Inference.Phantoms;

/// <summary>
/// Writes phantom studies as DICOM files, one folder per study, and labels.csv with one row per
/// study and finding: StudyInstanceUID, FindingId, Label (1 where planted, else 0).
/// </summary>
public static class PhantomWriter
{
    public const string LabelsFileName = "labels.csv";
    public const string LabelsHeader = "StudyInstanceUID,FindingId,Label";

    /// <summary>Writes the studies under <paramref name="outputDirectory"/>, creating it where needed, and returns the number of files written.</summary>
    public static int Write(string outputDirectory, IEnumerable<PhantomStudy> studies)
    {
        Directory.CreateDirectory(outputDirectory);
        var labels = new StringBuilder().Append(LabelsHeader).Append('\n');
        var files = 0;
        foreach (var study in studies)
        {
            var folder = Path.Combine(outputDirectory, string.Create(CultureInfo.InvariantCulture, $"study-{study.Index + 1:D4}"));
            Directory.CreateDirectory(folder);
            for (var i = 0; i < study.Instances.Count; i++)
            {
                var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"IM{i + 1:D4}.dcm"));
                new DicomFile(study.Instances[i]).Save(path);
                files++;
            }

            foreach (var (findingId, present) in study.Labels)
            {
                labels.Append(study.StudyInstanceUid).Append(',').Append(findingId).Append(',').Append(present ? '1' : '0').Append('\n');
            }
        }

        File.WriteAllText(Path.Combine(outputDirectory, LabelsFileName), labels.ToString());
        return files;
    }
}
