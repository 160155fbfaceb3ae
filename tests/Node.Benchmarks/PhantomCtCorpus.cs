using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Inference.Phantoms;

namespace Node.Benchmarks;

/// <summary>A folder of phantom CT studies written by <see cref="PhantomWriter"/>, read back into data sets.</summary>
internal static class PhantomCtCorpus
{
    /// <summary>Writes <paramref name="studyCount"/> CT phantom studies under <paramref name="folder"/> afresh and returns every instance read back from its file, in file order.</summary>
    public static IReadOnlyList<DicomDataset> WriteAndRead(DirectoryInfo folder, int studyCount, int seed)
    {
        if (folder.Exists)
        {
            folder.Delete(recursive: true);
        }

        PhantomWriter.Write(folder.FullName, new PhantomGenerator(PhantomModality.CT, seed).Generate(studyCount));
        return [.. Directory.EnumerateFiles(folder.FullName, "*.dcm", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => DicomFile.Open(file).Dataset)];
    }
}
