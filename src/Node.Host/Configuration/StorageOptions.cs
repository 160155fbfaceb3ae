namespace Node.Host.Configuration;

/// <summary>Settings of the node's disk storage, configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string DefaultRoot = "var";

    public const string InstancesFolderName = "instances";

    public const string OutboxFolderName = "outbox";

    public const long DefaultFreeDiskMarginMegabytes = 1024;

    /// <summary>Root folder of the instance store, the outbox and the SQLite job store; relative paths start at the working folder. Default "var".</summary>
    public string Root { get; set; } = DefaultRoot;

    /// <summary>
    /// Free space, in megabytes (MiB), the node leaves on the storage volume. Below it an incoming
    /// instance gets "out of resources" (A700) and is not stored. Default 1024; 0 turns the check off.
    /// </summary>
    public long FreeDiskMarginMegabytes { get; set; } = DefaultFreeDiskMarginMegabytes;

    /// <summary>The root as an absolute path.</summary>
    public string RootPath => Path.GetFullPath(Root);

    /// <summary>Where received instances go: Root/instances/StudyUID/SeriesUID/SOPInstanceUID.dcm.</summary>
    public string InstancesPath => Path.Combine(RootPath, InstancesFolderName);

    /// <summary>Where each job's SR and SC files wait for delivery: Root/outbox/JobId/.</summary>
    public string OutboxPath => Path.Combine(RootPath, OutboxFolderName);

    /// <summary>Returns one message per invalid setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Root))
        {
            errors.Add($"{SectionName}:{nameof(Root)} is empty; expected a folder path such as \"{DefaultRoot}\".");
        }

        SettingChecks.Range(errors, $"{SectionName}:{nameof(FreeDiskMarginMegabytes)}", FreeDiskMarginMegabytes, 0, 1L << 40);
        return errors;
    }
}
