namespace Node.Dicom.Imaging;

/// <summary>
/// The first VOI window of one frame (PS3.3 C.11.2), from the frame's Frame VOI LUT functional
/// group or the top-level Window Center and Window Width. The values are as written; a width
/// below 1, which the standard forbids, is left for the caller to reject.
/// </summary>
/// <param name="Center">Window Center (0028,1050) in modality units.</param>
/// <param name="Width">Window Width (0028,1051) in modality units.</param>
/// <param name="Explanation">The first Window Center &amp; Width Explanation (0028,1055); null where absent.</param>
public readonly record struct FrameWindow(double Center, double Width, string? Explanation);
