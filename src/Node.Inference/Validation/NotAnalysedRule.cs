namespace Node.Inference.Validation;

/// <summary>The rule an instance or study broke, so that the model did not analyse it.</summary>
public enum NotAnalysedRule
{
    /// <summary>Modality (0008,0060) is not one the model pack accepts.</summary>
    Modality,

    /// <summary>SOP Class UID (0008,0016) is not one the model pack accepts.</summary>
    SopClass,

    /// <summary>Photometric Interpretation (0028,0004) is not one the model pack accepts.</summary>
    PhotometricInterpretation,

    /// <summary>Rows (0028,0010) is outside the model pack's range.</summary>
    Rows,

    /// <summary>Columns (0028,0011) is outside the model pack's range.</summary>
    Columns,

    /// <summary>An attribute the model pack requires is absent or empty.</summary>
    RequiredAttribute,

    /// <summary>The pixel data cannot be decoded.</summary>
    PixelData,

    /// <summary>The instance has no usable VOI window where the model pack takes it from the image.</summary>
    VoiWindow,

    /// <summary>A preprocessing measure is outside the model pack's plausible range.</summary>
    PlausibleRange,

    /// <summary>The study contains no instance to analyse.</summary>
    NoInstances,
}
