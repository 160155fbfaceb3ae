namespace Node.Dicom.Generator.Sources;

/// <summary>One storage SOP class of sops.json.</summary>
/// <param name="Name">The SOP class name, for example "CT Image Storage".</param>
/// <param name="Id">The SOP class UID.</param>
/// <param name="Ciod">The name of the composite IOD it stores.</param>
internal sealed record InnoliticsSop(string Name, string Id, string Ciod);
