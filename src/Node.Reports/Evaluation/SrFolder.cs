using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Reports.Sr;

namespace Node.Reports.Evaluation;

/// <summary>Reads every SR file under a folder, as an outside tester would: files only, through the DICOM parser, by codes.</summary>
public static class SrFolder
{
    /// <summary>SOP Class UID prefix of every Structured Report storage class.</summary>
    private const string SrSopClassPrefix = "1.2.840.10008.5.1.4.1.1.88.";

    /// <summary>Returns the SRs found and the paths of the files that are not readable DICOM or not TID 1500 SRs.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static (IReadOnlyList<SrDocument> Documents, IReadOnlyList<string> Skipped) Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No folder at '{folder}'.");
        }

        var documents = new List<SrDocument>();
        var skipped = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                var dataset = DicomFile.Open(path, new DicomReadOptions { StopBeforePixelData = true }).Dataset;
                if (dataset.GetUid(DicomTags.SOPClassUID)?.StartsWith(SrSopClassPrefix, StringComparison.Ordinal) == true)
                {
                    documents.Add(SrReader.Read(dataset));
                }
            }
            catch (Exception exception) when (exception is DicomFormatException or IOException or UnauthorizedAccessException)
            {
                skipped.Add(path);
            }
        }

        return (documents, skipped);
    }
}
