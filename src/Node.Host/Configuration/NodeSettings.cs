using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Node.Inference.Runtime;
using Node.Reports;

namespace Node.Host.Configuration;

/// <summary>
/// Every settings section of the node, bound from configuration and checked as a whole: unknown
/// keys, values that do not convert, values out of range and the cross-field rules, one message per
/// problem, each naming its key.
/// </summary>
public sealed class NodeSettings
{
    public required DicomOptions Dicom { get; init; }

    public required StorageOptions Storage { get; init; }

    public required JobStoreOptions JobStore { get; init; }

    public required StudyAssemblyOptions StudyAssembly { get; init; }

    public required InferenceOptions Inference { get; init; }

    public required DestinationsOptions Destinations { get; init; }

    public required ReportOptions Reporting { get; init; }

    public required WebOptions Web { get; init; }

    /// <summary>The model pack folders to load, as absolute paths: the configured ones, or the reference pack beside the executable.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ModelPackPaths => Inference.ModelPacks.Count > 0
        ? [.. Inference.ModelPacks.Select(Path.GetFullPath)]
        : [Path.Combine(AppContext.BaseDirectory, "models", "reference")];

    /// <summary>Binds every section; <paramref name="errors"/> gets one message per problem and is empty where all is valid.</summary>
    public static NodeSettings Bind(IConfiguration configuration, List<string> errors)
    {
        var settings = new NodeSettings
        {
            Dicom = BindSection<DicomOptions>(configuration, DicomOptions.SectionName, errors),
            Storage = BindSection<StorageOptions>(configuration, StorageOptions.SectionName, errors),
            JobStore = BindSection<JobStoreOptions>(configuration, JobStoreOptions.SectionName, errors),
            StudyAssembly = BindSection<StudyAssemblyOptions>(configuration, StudyAssemblyOptions.SectionName, errors),
            Inference = BindSection<InferenceOptions>(configuration, InferenceOptions.SectionName, errors),
            Destinations = BindSection<DestinationsOptions>(configuration, DestinationsOptions.SectionName, errors),
            Reporting = BindSection<ReportOptions>(configuration, ReportOptions.SectionName, errors),
            Web = BindSection<WebOptions>(configuration, WebOptions.SectionName, errors),
        };

        errors.AddRange(settings.Dicom.Validate());
        errors.AddRange(settings.Storage.Validate());
        errors.AddRange(settings.JobStore.Validate());
        errors.AddRange(settings.StudyAssembly.Validate());
        errors.AddRange(settings.Inference.Validate());
        errors.AddRange(settings.Destinations.Validate());
        errors.AddRange(settings.Reporting.Validate());
        errors.AddRange(settings.Web.Validate());
        return settings;
    }

    /// <summary>Returns the settings as one line of JSON for the start-up log line. No section contains a secret yet.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private static T BindSection<T>(IConfiguration configuration, string name, List<string> errors)
        where T : new()
    {
        var section = configuration.GetSection(name);
        UnknownSettingCheck.Run(section, typeof(T), errors);
        var options = new T();
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            errors.Add(DescribeBindFailure(name, exception));
        }

        return options;
    }

    /// <summary>The binder reports "Failed to convert configuration value '…' at 'Dicom:Port' to type 'System.Int32'."; this keeps that and adds the fix.</summary>
    private static string DescribeBindFailure(string section, InvalidOperationException exception) =>
        $"{section}: {exception.Message} Write the value in the type's form (a number, true or false, or a duration such as 00:00:10).";
}
