namespace Node.Dicom.Imaging;

/// <summary>
/// The rescale of one frame: modality value = stored value × <see cref="Slope"/> + <see cref="Intercept"/>
/// (PS3.3 C.11.1), from the frame's Pixel Value Transformation functional group or the top level.
/// </summary>
/// <param name="Slope">Rescale Slope (0028,1053); finite and not 0.</param>
/// <param name="Intercept">Rescale Intercept (0028,1052); finite.</param>
/// <param name="Type">Rescale Type (0028,1054), such as HU; null where absent.</param>
public readonly record struct FrameRescale(double Slope, double Intercept, string? Type);
