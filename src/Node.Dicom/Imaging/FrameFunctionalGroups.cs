using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Tags;
using Node.Dicom.Vr;
using static Node.Dicom.Imaging.ImagePixelAttributeNames;

namespace Node.Dicom.Imaging;

/// <summary>
/// The functional groups of a multi-frame image (PS3.3 C.7.6.16), which give each frame its own
/// values. A value is read from the frame's item of the Per-frame Functional Groups Sequence
/// (5200,9230), else from the one item of the Shared Functional Groups Sequence (5200,9229),
/// else from the top level of the data set. A classic image has neither sequence, so every
/// lookup falls back to the top level.
/// </summary>
/// <remarks>
/// The standard puts each functional group either in the shared item or in every per-frame item,
/// never in both. Where a file has both, the per-frame one is taken, because it is the more
/// specific. Lookups read the data set's items on each call and keep no copy, so the data set
/// must not change while this object is in use. Several threads may read at once.
/// </remarks>
public sealed class FrameFunctionalGroups
{
    private static readonly DicomTag SharedTag = DicomTags.SharedFunctionalGroupsSequence;
    private static readonly DicomTag PerFrameTag = DicomTags.PerFrameFunctionalGroupsSequence;

    private readonly DicomDataset _dataset;

    /// <summary>The one item of the Shared Functional Groups Sequence; null where the sequence is absent.</summary>
    private readonly DicomDataset? _shared;

    /// <summary>The Per-frame Functional Groups Sequence, one item per frame; null where absent.</summary>
    private readonly DicomSequence? _perFrame;

    /// <summary>
    /// The top-level Rescale Slope and Intercept, read and checked by the caller. Where null,
    /// they are read when a frame without a Pixel Value Transformation group needs them.
    /// </summary>
    private readonly (double Slope, double Intercept)? _topLevelRescale;

    private FrameFunctionalGroups(DicomDataset dataset, int frameCount, DicomDataset? shared, DicomSequence? perFrame, (double Slope, double Intercept)? topLevelRescale)
    {
        _dataset = dataset;
        FrameCount = frameCount;
        _shared = shared;
        _perFrame = perFrame;
        _topLevelRescale = topLevelRescale;
    }

    /// <summary>Reads Number of Frames and both functional groups sequences, and checks their structure.</summary>
    /// <remarks>
    /// Items of the Per-frame Functional Groups Sequence beyond Number of Frames are ignored.
    /// The standard requires one item per frame, but files cut down to fewer frames keep the
    /// longer sequence (pydicom's sample liver_1frame.dcm does), and their frames still decode.
    /// </remarks>
    /// <exception cref="DicomPixelDataException">
    /// Number of Frames is not an integer of at least 1, the Shared Functional Groups Sequence
    /// does not contain exactly one item, or the Per-frame Functional Groups Sequence contains
    /// fewer items than there are frames.
    /// </exception>
    public static FrameFunctionalGroups Read(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var frameCount = ImagePixelModule.ReadFrameCount(dataset);
        return new FrameFunctionalGroups(dataset, frameCount, ReadShared(dataset), ReadPerFrame(dataset, frameCount), topLevelRescale: null);
    }

    /// <summary>Builds the lookup from attributes the caller has already read and checked.</summary>
    internal static FrameFunctionalGroups Create(DicomDataset dataset, int frameCount, (double Slope, double Intercept) topLevelRescale) =>
        new(dataset, frameCount, ReadShared(dataset), ReadPerFrame(dataset, frameCount), topLevelRescale);

    /// <summary>Number of Frames (0028,0008), or 1 where absent.</summary>
    public int FrameCount { get; }

    /// <summary>Whether the data set has a Shared or a Per-frame Functional Groups Sequence.</summary>
    public bool HasFunctionalGroups => _shared is not null || _perFrame is not null;

    /// <summary>
    /// Returns the item of the functional group sequence <paramref name="functionalGroup"/>, such as
    /// Pixel Value Transformation Sequence (0028,9145), that applies to a frame: the one in the
    /// frame's per-frame item, else the one in the shared item, else null.
    /// </summary>
    /// <param name="functionalGroup">The tag of the functional group sequence.</param>
    /// <param name="frameIndex">The frame, numbered from 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frameIndex"/> is not below <see cref="FrameCount"/>.</exception>
    /// <exception cref="DicomPixelDataException">The functional group is not a sequence of exactly one item.</exception>
    public DicomDataset? FindGroupItem(DicomTag functionalGroup, int frameIndex) => FindGroup(functionalGroup, frameIndex)?.Item;

    /// <summary>
    /// Returns whether every frame has a non-empty <paramref name="tag"/> in the item of some
    /// functional group, per-frame or shared, as an Enhanced CT carries Rescale Slope in its
    /// Pixel Value Transformation Sequence. The top level is not searched.
    /// </summary>
    public bool ContainsForEveryFrame(DicomTag tag)
    {
        if (_shared is not null && AnyGroupContains(_shared, tag))
        {
            return true;
        }

        return _perFrame is not null && _perFrame.Items.Take(FrameCount).All(item => AnyGroupContains(item, tag));
    }

    /// <summary>
    /// Returns the first frame (from 0) whose per-frame functional groups lack a non-empty
    /// <paramref name="tag"/> while another frame's carry it; null where every frame or no frame
    /// carries it. It names the frame that breaks a rule the other frames meet.
    /// </summary>
    /// <remarks>Reads at most <see cref="FrameCount"/> items, which the Per-frame Functional Groups Sequence was checked to contain.</remarks>
    public int? FindFirstFrameLacking(DicomTag tag)
    {
        if (_perFrame is null || (_shared is not null && AnyGroupContains(_shared, tag)))
        {
            return null;
        }

        int? firstLacking = null;
        var anyCarries = false;
        for (var frameIndex = 0; frameIndex < FrameCount && (firstLacking is null || !anyCarries); frameIndex++)
        {
            if (AnyGroupContains(_perFrame.Items[frameIndex], tag))
            {
                anyCarries = true;
            }
            else
            {
                firstLacking ??= frameIndex;
            }
        }

        return anyCarries ? firstLacking : null;
    }

    /// <summary>
    /// Returns the rescale of a frame: its Pixel Value Transformation Sequence (0028,9145) item,
    /// per-frame or shared, else the top-level Rescale Slope and Intercept, else slope 1 and intercept 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frameIndex"/> is not below <see cref="FrameCount"/>.</exception>
    /// <exception cref="DicomPixelDataException">
    /// The functional group lacks Rescale Slope or Rescale Intercept, a value is not a decimal
    /// number, or the slope is 0. The message names the attribute, the frame and the sequence.
    /// A malformed top-level rescale raises the same, naming the attribute.
    /// </exception>
    public FrameRescale GetRescale(int frameIndex)
    {
        if (FindGroup(DicomTags.PixelValueTransformationSequence, frameIndex) is not { } group)
        {
            var (slope, intercept) = _topLevelRescale ?? ImagePixelModule.ReadRescale(_dataset);
            return new FrameRescale(slope, intercept, ReadRescaleType(_dataset));
        }

        try
        {
            return ReadGroupRescale(group.Item);
        }
        catch (DicomPixelDataException exception)
        {
            throw new DicomPixelDataException($"{exception.Reason} ({group.Location})", exception.Tag, exception);
        }
    }

    /// <summary>
    /// Returns the first VOI window of a frame: its Frame VOI LUT Sequence (0028,9132) item,
    /// per-frame or shared, else the top-level Window Center and Window Width, else null.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frameIndex"/> is not below <see cref="FrameCount"/>.</exception>
    /// <exception cref="DicomFormatException">
    /// Window Center or Window Width is present without the other, or is not a decimal number.
    /// The message names the attribute and, for a functional group, the frame and the sequence.
    /// </exception>
    public FrameWindow? GetWindow(int frameIndex)
    {
        FunctionalGroupItem? group = null;
        try
        {
            group = FindGroup(DicomTags.FrameVOILUTSequence, frameIndex);
            return ReadWindow(group?.Item ?? _dataset);
        }
        catch (DicomPixelDataException exception)
        {
            var reason = group is null ? exception.Reason : $"{exception.Reason} ({group.Location})";
            throw new DicomFormatException(reason, tag: exception.Tag, innerException: exception);
        }
    }

    private static DicomDataset? ReadShared(DicomDataset dataset)
    {
        if (ReadSequence(dataset, SharedTag) is not { } sequence)
        {
            return null;
        }

        if (sequence.Items.Count != 1)
        {
            throw new DicomPixelDataException($"{Describe(SharedTag)} contains {sequence.Items.Count} items, expected exactly one", SharedTag);
        }

        return sequence.Items[0];
    }

    private static DicomSequence? ReadPerFrame(DicomDataset dataset, int frameCount)
    {
        if (ReadSequence(dataset, PerFrameTag) is not { } sequence)
        {
            return null;
        }

        var items = sequence.Items.Count;
        if (items < frameCount)
        {
            throw new DicomPixelDataException(
                $"{Describe(PerFrameTag)} contains {items} items, fewer than {Describe(DicomTags.NumberOfFrames)} {frameCount}, so frame {items + 1} has no functional groups",
                PerFrameTag);
        }

        return sequence;
    }

    private static DicomSequence? ReadSequence(DicomDataset dataset, DicomTag tag) => dataset.GetElement(tag) switch
    {
        null => null,
        DicomSequence sequence => sequence,
        _ => throw new DicomPixelDataException($"{Describe(tag)} is not a sequence", tag),
    };

    /// <summary>Returns the functional group's item for the frame, per-frame first, with its place for error messages.</summary>
    private FunctionalGroupItem? FindGroup(DicomTag functionalGroup, int frameIndex)
    {
        CheckFrameIndex(frameIndex);

        if (_perFrame is not null && SingleItem(_perFrame.Items[frameIndex], functionalGroup, PerFrameTag, frameIndex) is { } perFrameItem)
        {
            return new FunctionalGroupItem(perFrameItem, functionalGroup, PerFrameTag, frameIndex);
        }

        if (_shared is not null && SingleItem(_shared, functionalGroup, SharedTag, frameIndex) is { } sharedItem)
        {
            return new FunctionalGroupItem(sharedItem, functionalGroup, SharedTag, frameIndex);
        }

        return null;
    }

    /// <summary>Returns the single item of a functional group sequence, or null where the group is absent.</summary>
    private static DicomDataset? SingleItem(DicomDataset groups, DicomTag functionalGroup, DicomTag container, int frameIndex)
    {
        var element = groups.GetElement(functionalGroup);
        if (element is null)
        {
            return null;
        }

        var location = $"frame {frameIndex + 1}, {Describe(container)}";
        if (element is not DicomSequence sequence)
        {
            throw new DicomPixelDataException($"{Describe(functionalGroup)} is not a sequence ({location})", functionalGroup);
        }

        if (sequence.Items.Count != 1)
        {
            throw new DicomPixelDataException($"{Describe(functionalGroup)} contains {sequence.Items.Count} items, expected exactly one ({location})", functionalGroup);
        }

        return sequence.Items[0];
    }

    /// <summary>Reads a Pixel Value Transformation item, where both values are required (Type 1).</summary>
    private static FrameRescale ReadGroupRescale(DicomDataset item)
    {
        var slope = ImagePixelAttributeReader.ReadDecimalString(item, DicomTags.RescaleSlope) ?? throw MissingInGroup(DicomTags.RescaleSlope);
        var intercept = ImagePixelAttributeReader.ReadDecimalString(item, DicomTags.RescaleIntercept) ?? throw MissingInGroup(DicomTags.RescaleIntercept);
        if (slope == 0)
        {
            throw new DicomPixelDataException($"{Describe(DicomTags.RescaleSlope)} 0 is invalid: it would map every stored value to the intercept", DicomTags.RescaleSlope);
        }

        return new FrameRescale(slope, intercept, ReadRescaleType(item));
    }

    /// <summary>Reads Window Center and Window Width, which are required together; returns null where both are absent.</summary>
    private static FrameWindow? ReadWindow(DicomDataset source)
    {
        var center = ImagePixelAttributeReader.ReadFirstDecimalString(source, DicomTags.WindowCenter);
        var width = ImagePixelAttributeReader.ReadFirstDecimalString(source, DicomTags.WindowWidth);
        if (center is null && width is null)
        {
            return null;
        }

        if (center is null || width is null)
        {
            var (present, absent) = center is null ? (DicomTags.WindowWidth, DicomTags.WindowCenter) : (DicomTags.WindowCenter, DicomTags.WindowWidth);
            throw new DicomPixelDataException($"{Describe(present)} is present without {Describe(absent)}; the two are required together", absent);
        }

        var explanation = source.GetString(DicomTags.WindowCenterWidthExplanation, 0);
        return new FrameWindow(center.Value, width.Value, string.IsNullOrEmpty(explanation) ? null : explanation);
    }

    /// <summary>Returns Rescale Type, or null where absent; it only labels the unit, so a malformed value is not an error.</summary>
    private static string? ReadRescaleType(DicomDataset source)
    {
        var type = source.GetString(DicomTags.RescaleType);
        return string.IsNullOrEmpty(type) ? null : type;
    }

    private static bool AnyGroupContains(DicomDataset groups, DicomTag tag) =>
        groups.OfType<DicomSequence>().Any(group => group.Items.Any(item => HasValue(item, tag)));

    /// <summary>Returns whether the item has the attribute with a value: not empty, and for text not only spaces.</summary>
    private static bool HasValue(DicomDataset item, DicomTag tag) => item.GetElement(tag) switch
    {
        DicomValueElement value => value.Length > 0 && (value.VR.Kind != DicomVRKind.Text || !string.IsNullOrWhiteSpace(item.GetString(tag))),
        DicomSequence sequence => sequence.Items.Count > 0,
        null => false,
        _ => true,
    };

    private static DicomPixelDataException MissingInGroup(DicomTag tag) =>
        new($"{Describe(tag)} is missing or empty; the functional group requires it", tag);

    private void CheckFrameIndex(int frameIndex)
    {
        if (frameIndex < 0 || frameIndex >= FrameCount)
        {
            throw new ArgumentOutOfRangeException(nameof(frameIndex), frameIndex, $"Frame index {frameIndex} is invalid: the image contains {FrameCount} frame(s), numbered from 0.");
        }
    }
}
