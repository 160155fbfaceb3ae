using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Data;

/// <summary>
/// Private data elements (PS3.5 7.8): a private creator (gggg,00xx) reserves the block of
/// elements (gggg,xx00-xxFF) of an odd group for one implementation.
/// </summary>
public sealed partial class DicomDataset
{
    private const ushort FirstCreatorElement = 0x0010;
    private const ushort LastCreatorElement = 0x00FF;

    /// <summary>
    /// Finds the tag of private element <paramref name="elementOffset"/> of <paramref name="creator"/>'s
    /// block in <paramref name="group"/>; null where that creator has no block in the group.
    /// </summary>
    /// <exception cref="ArgumentException">The group is not a private group.</exception>
    public DicomTag? FindPrivateTag(ushort group, string creator, byte elementOffset)
    {
        CheckPrivateGroup(group);
        for (var element = FirstCreatorElement; element <= LastCreatorElement; element++)
        {
            if (GetString(new DicomTag(group, element)) == creator)
            {
                return new DicomTag(group, (ushort)((element << 8) | elementOffset));
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the tag of private element <paramref name="elementOffset"/> of <paramref name="creator"/>'s
    /// block, reserving the first free block for the creator where it has none yet.
    /// </summary>
    /// <exception cref="ArgumentException">The group is not private, or all 240 blocks of the group are taken.</exception>
    public DicomTag ReservePrivateTag(ushort group, string creator, byte elementOffset)
    {
        if (FindPrivateTag(group, creator, elementOffset) is { } existing)
        {
            return existing;
        }

        for (var element = FirstCreatorElement; element <= LastCreatorElement; element++)
        {
            var creatorTag = new DicomTag(group, element);
            if (!Contains(creatorTag))
            {
                SetString(creatorTag, DicomVR.LO, creator);
                return new DicomTag(group, (ushort)((element << 8) | elementOffset));
            }
        }

        throw new ArgumentException($"Private group {group:X4} has no free creator block left for '{creator}'.", nameof(group));
    }

    /// <summary>Returns the private creator that reserved the block of a private data element, or null.</summary>
    public string? GetPrivateCreator(DicomTag tag)
    {
        if (!tag.IsPrivate || tag.Element < 0x1000)
        {
            return null;
        }

        return GetString(new DicomTag(tag.Group, (ushort)(tag.Element >> 8)));
    }

    private static void CheckPrivateGroup(ushort group)
    {
        if (!new DicomTag(group, 0).IsPrivate)
        {
            throw new ArgumentException($"Group {group:X4} is not a private group: private groups are odd and above 0007.", nameof(group));
        }
    }
}
