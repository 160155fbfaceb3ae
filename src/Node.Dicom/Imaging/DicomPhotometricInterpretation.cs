namespace Node.Dicom.Imaging;

/// <summary>
/// Photometric Interpretation (0028,0004): how the samples of a pixel make a picture (PS3.3
/// C.7.6.3.1.2). The retired terms (HSV, ARGB, CMYK) are not listed, so data sets that use them
/// are rejected.
/// </summary>
public enum DicomPhotometricInterpretation
{
    /// <summary>One sample per pixel, the minimum value displayed white.</summary>
    Monochrome1,

    /// <summary>One sample per pixel, the minimum value displayed black.</summary>
    Monochrome2,

    /// <summary>One sample per pixel that indexes the Red, Green and Blue Palette Color Lookup Tables.</summary>
    PaletteColor,

    Rgb,

    /// <summary>Luminance and two full-range colour differences, each sample at full resolution.</summary>
    YbrFull,

    /// <summary>Like <see cref="YbrFull"/>, but each horizontal pair of pixels shares one Cb and one Cr sample.</summary>
    YbrFull422,

    /// <summary>Luminance in 16 to 235 and colour differences in 16 to 240, horizontally subsampled.</summary>
    YbrPartial422,

    /// <summary>Partial range, subsampled horizontally and vertically; found only in compressed data.</summary>
    YbrPartial420,

    /// <summary>Irreversible colour transform of JPEG 2000; found only in compressed data.</summary>
    YbrIct,

    /// <summary>Reversible colour transform of JPEG 2000; found only in compressed data.</summary>
    YbrRct,
}
