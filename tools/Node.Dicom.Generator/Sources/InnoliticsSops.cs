using System.Text.Json;

namespace Node.Dicom.Generator.Sources;

/// <summary>
/// Innolitics' sops.json: the storage SOP classes of PS3.4 Annex B as an array of objects with
/// "name", "id" (the UID) and "ciod" (the IOD name).
/// </summary>
internal static class InnoliticsSops
{
    public const string FileName = "innolitics-sops.json";

    public static IReadOnlyList<InnoliticsSop> Read(string path)
    {
        using var stream = File.OpenRead(path);
        var sops = JsonSerializer.Deserialize<List<InnoliticsSop>>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException($"{path} contains no array of SOP classes.");
        var incomplete = sops.FirstOrDefault(sop => string.IsNullOrWhiteSpace(sop.Id) || string.IsNullOrWhiteSpace(sop.Name));
        if (incomplete is not null)
        {
            throw new InvalidDataException($"{path}: a SOP class lacks its id or name: {incomplete}.");
        }

        return sops;
    }
}
