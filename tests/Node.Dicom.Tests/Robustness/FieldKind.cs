namespace Node.Dicom.Tests.Robustness;

/// <summary>What a run of bytes in a DICOM file encodes, so mutations can aim at one kind.</summary>
internal enum FieldKind
{
    Preamble,
    Prefix,
    Tag,
    VR,

    /// <summary>The two reserved bytes after a long-header VR.</summary>
    Reserved,

    /// <summary>A 16-bit value length of a short-header Explicit VR element.</summary>
    Length16,

    /// <summary>A 32-bit value length of an element, Explicit VR long header or Implicit VR.</summary>
    Length32,
    Value,

    /// <summary>The tag of an Item, Item Delimitation Item or Sequence Delimitation Item.</summary>
    ItemTag,
    ItemLength,

    /// <summary>The length of the first item of encapsulated Pixel Data, the Basic Offset Table.</summary>
    OffsetTableLength,
    FragmentLength,
}
