using System.Globalization;
using System.Reflection;
using Node.Dicom.Uids;

namespace Node.Reports;

/// <summary>Settings of the report step, configuration section "Reporting".</summary>
public sealed class ReportOptions
{
    public const string SectionName = "Reporting";

    public const string DefaultLanguage = ReportLanguages.EnglishCode;
    public const string DefaultDeviceObserverName = "AI Node";
    public const string DefaultManufacturer = "AI Node";
    public const int DefaultSrSeriesNumber = 9001;
    public const int DefaultScSeriesNumber = 9002;

    /// <summary>Series numbers are IS values; this keeps them well inside its 12 characters.</summary>
    public const int MaxSeriesNumber = 99_999;

    public const int DefaultMaxKeyImages = 3;
    public const int MaxKeyImagesLimit = 64;
    public const double DefaultOverlayMaxOpacity = 0.5;
    public const double DefaultOverlayMinHeatmapValue = 0.2;

    /// <summary>Language of the text people read, "en" or "ru". Default "en".</summary>
    public string Language { get; set; } = DefaultLanguage;

    /// <summary>
    /// Device Observer UID (121012) of this node in the SR. Default empty: a UID derived from the
    /// host name, the same on every run of one host.
    /// </summary>
    public string DeviceObserverUid { get; set; } = string.Empty;

    /// <summary>Device Observer Name (121013) in the SR and the name printed on every SC. Default "AI Node".</summary>
    public string DeviceObserverName { get; set; } = DefaultDeviceObserverName;

    /// <summary>Manufacturer (0008,0070) of the SR and SC, and Device Observer Manufacturer (121014). Default "AI Node".</summary>
    public string Manufacturer { get; set; } = DefaultManufacturer;

    /// <summary>Series Number (0020,0011) of the SR series, from 1 to 99999. Default 9001.</summary>
    public int SrSeriesNumber { get; set; } = DefaultSrSeriesNumber;

    /// <summary>Series Number (0020,0011) of the SC series, from 1 to 99999. Default 9002.</summary>
    public int ScSeriesNumber { get; set; } = DefaultScSeriesNumber;

    /// <summary>Key images rendered per study besides the summary image, from 0 to 64. Default 3.</summary>
    public int MaxKeyImages { get; set; } = DefaultMaxKeyImages;

    /// <summary>Opacity of the heatmap colour where the heatmap value is 1, from 0 to 1. Default 0.5.</summary>
    public double OverlayMaxOpacity { get; set; } = DefaultOverlayMaxOpacity;

    /// <summary>Heatmap values below this leave the image untinted, from 0 to 1. Default 0.2. It only shapes the picture; decisions use each finding's decision threshold.</summary>
    public double OverlayMinHeatmapValue { get; set; } = DefaultOverlayMinHeatmapValue;

    /// <summary>The language as an enum; valid only after <see cref="Validate"/> returned no errors.</summary>
    public ReportLanguage ReportLanguage => ReportLanguages.TryParse(Language, out var language) ? language : ReportLanguage.English;

    /// <summary>The configured Device Observer UID, or the one derived from the host name where none is configured.</summary>
    public string EffectiveDeviceObserverUid =>
        DeviceObserverUid.Length > 0 ? DeviceObserverUid : DicomUid.Generate("ainode-device-observer:" + Environment.MachineName);

    /// <summary>Software Versions (0018,1020) of the SR and SC: the informational version of this assembly.</summary>
    public static string SoftwareVersion { get; } =
        typeof(ReportOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Returns one message per invalid setting, naming its configuration key, value and allowed values; empty where all are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!ReportLanguages.TryParse(Language, out _))
        {
            errors.Add($"{SectionName}:{nameof(Language)} = \"{Language}\" is invalid; expected one of: {string.Join(", ", ReportLanguages.Codes)}.");
        }

        if (DeviceObserverUid.Length > 0 && DicomUid.Validate(DeviceObserverUid) is { } reason)
        {
            errors.Add($"{SectionName}:{nameof(DeviceObserverUid)} = \"{DeviceObserverUid}\" is not a valid UID: {reason}.");
        }

        CheckText(errors, nameof(DeviceObserverName), DeviceObserverName);
        CheckText(errors, nameof(Manufacturer), Manufacturer);
        CheckRange(errors, nameof(SrSeriesNumber), SrSeriesNumber, 1, MaxSeriesNumber);
        CheckRange(errors, nameof(ScSeriesNumber), ScSeriesNumber, 1, MaxSeriesNumber);
        CheckRange(errors, nameof(MaxKeyImages), MaxKeyImages, 0, MaxKeyImagesLimit);
        CheckFraction(errors, nameof(OverlayMaxOpacity), OverlayMaxOpacity);
        CheckFraction(errors, nameof(OverlayMinHeatmapValue), OverlayMinHeatmapValue);
        if (SrSeriesNumber == ScSeriesNumber)
        {
            errors.Add($"{SectionName}:{nameof(SrSeriesNumber)} and {SectionName}:{nameof(ScSeriesNumber)} are both {SrSeriesNumber}; the SR and SC series need different numbers.");
        }

        return errors;
    }

    /// <exception cref="ArgumentException">A setting is invalid; the message lists every invalid one.</exception>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors));
        }
    }

    private static void CheckText(List<string> errors, string key, string value)
    {
        // Both go into LO elements (at most 64 characters) and are printed on images.
        if (string.IsNullOrWhiteSpace(value) || value.Length > 64 || value.Contains('\\', StringComparison.Ordinal))
        {
            errors.Add($"{SectionName}:{key} = \"{value}\" is invalid; expected 1 to 64 characters without '\\'.");
        }
    }

    private static void CheckRange(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{SectionName}:{key} = {value.ToString(CultureInfo.InvariantCulture)} is out of range; expected an integer from {min} to {max}.");
        }
    }

    private static void CheckFraction(List<string> errors, string key, double value)
    {
        if (!double.IsFinite(value) || value < 0.0 || value > 1.0)
        {
            errors.Add($"{SectionName}:{key} = {value.ToString("R", CultureInfo.InvariantCulture)} is out of range; expected a number from 0 to 1.");
        }
    }
}
