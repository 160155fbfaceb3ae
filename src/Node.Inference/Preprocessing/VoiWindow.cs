namespace Node.Inference.Preprocessing;

/// <summary>
/// The linear VOI LUT function of PS3.3 C.11.2.1.2.1, with output range [0, 1]. Values at or
/// below <see cref="Lower"/> map to 0, values above <see cref="Upper"/> to 1.
/// </summary>
public readonly record struct VoiWindow
{
    /// <exception cref="ArgumentOutOfRangeException">The width is below 1 or either number is not finite.</exception>
    public VoiWindow(double center, double width)
    {
        if (!double.IsFinite(center))
        {
            throw new ArgumentOutOfRangeException(nameof(center), center, "The window centre must be a finite number.");
        }

        if (!double.IsFinite(width) || width < 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "The window width must be a finite number of at least 1 (PS3.3 C.11.2.1.2).");
        }

        Center = center;
        Width = width;
    }

    /// <summary>Window centre in modality units.</summary>
    public double Center { get; }

    /// <summary>Window width in modality units, at least 1.</summary>
    public double Width { get; }

    /// <summary>The largest value that maps to 0.</summary>
    public double Lower => Center - 0.5 - ((Width - 1.0) / 2.0);

    /// <summary>The largest value that maps below 1; every greater value maps to 1.</summary>
    public double Upper => Center - 0.5 + ((Width - 1.0) / 2.0);

    /// <summary>Returns true where the value maps to 0 or 1, the window clipping it.</summary>
    public bool Clips(double value) => value <= Lower || value > Upper;

    /// <summary>Maps a modality value to [0, 1].</summary>
    public double Apply(double value)
    {
        if (value <= Lower)
        {
            return 0.0;
        }

        if (value > Upper)
        {
            return 1.0;
        }

        // Width 1 leaves no value between Lower and Upper, so the reciprocal of 0 is never used. A
        // product in place of the standard's quotient lets the window pass multiply eight values
        // at once and still give these results bit for bit.
        return ((value - (Center - 0.5)) * (1.0 / (Width - 1.0))) + 0.5;
    }
}
