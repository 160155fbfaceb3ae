namespace Node.Dicom.Tests.Support;

/// <summary>How <see cref="DatasetComparer"/> compares the VRs of two elements with the same tag.</summary>
internal enum VRMatch
{
    /// <summary>The VRs must be the same.</summary>
    Exact,

    /// <summary>
    /// For a data set read back from Implicit VR: the VRs may differ where either is UN (a tag
    /// the dictionary does not know), where both are OB or OW, or where the dictionary allows
    /// both (US or SS).
    /// </summary>
    ImplicitVR,
}
