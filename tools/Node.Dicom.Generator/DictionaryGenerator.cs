using Node.Dicom.Generator.Emitting;
using Node.Dicom.Generator.Merging;
using Node.Dicom.Generator.Sources;

namespace Node.Dicom.Generator;

/// <summary>Reads the data files, merges them and returns the C# files to write.</summary>
internal static class DictionaryGenerator
{
    public static IReadOnlyList<GeneratedFile> Generate(string sourceDirectory, TextWriter log)
    {
        var foDicom = FoDicomDictionary.Read(Path.Combine(sourceDirectory, FoDicomDictionary.FileName), log);
        var dcmtk = DcmtkDictionary.Read(Path.Combine(sourceDirectory, DcmtkDictionary.FileName));
        var storageSops = InnoliticsSops.Read(Path.Combine(sourceDirectory, InnoliticsSops.FileName));
        log.WriteLine($"read {foDicom.Tags.Count} tags and {foDicom.Uids.Count} UIDs of PS3.6 {foDicom.Edition}, {dcmtk.Rows.Count} DCMTK rows of PS3.6 {dcmtk.Edition}, {storageSops.Count} storage SOP classes.");

        var tags = TagMerger.Merge(foDicom.Tags, dcmtk.Rows, log);
        var uids = UidMerger.Merge(foDicom.Uids, storageSops, log);

        var tagSources = $"{FoDicomDictionary.FileName} (PS3.6 {foDicom.Edition}) and {DcmtkDictionary.FileName} (PS3.6 {dcmtk.Edition})";
        var uidSources = $"{FoDicomDictionary.FileName} (PS3.6 {foDicom.Edition}), {InnoliticsSops.FileName} and the transfer syntaxes registered after {foDicom.Edition}";
        return
        [
            DictionaryEmitter.Emit(tags, tagSources),
            TagsEmitter.Emit(tags, tagSources),
            UidsEmitter.Emit(uids.Rows, uidSources),
            UidRegistryEmitter.Emit(uids, uidSources),
        ];
    }
}
