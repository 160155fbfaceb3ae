using Node.Inference.Validation;

namespace Node.Inference.Preprocessing;

/// <summary>The result of preprocessing one instance: a prepared image, or the reasons it cannot be analysed.</summary>
public sealed class PreprocessingOutcome
{
    private PreprocessingOutcome(ImageIdentity image, PreparedImage? prepared, IReadOnlyList<NotAnalysedReason> reasons)
    {
        Image = image;
        Prepared = prepared;
        Reasons = reasons;
    }

    public ImageIdentity Image { get; }

    /// <summary>The image ready for the model; null where <see cref="Reasons"/> is not empty.</summary>
    public PreparedImage? Prepared { get; }

    public IReadOnlyList<NotAnalysedReason> Reasons { get; }

    public static PreprocessingOutcome Ready(PreparedImage prepared) => new(prepared.Image, prepared, []);

    public static PreprocessingOutcome Rejected(ImageIdentity image, IReadOnlyList<NotAnalysedReason> reasons) =>
        reasons.Count == 0
            ? throw new ArgumentException("A rejected image needs at least one reason.", nameof(reasons))
            : new PreprocessingOutcome(image, null, reasons);
}
