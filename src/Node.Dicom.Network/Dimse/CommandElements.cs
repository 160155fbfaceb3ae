using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Network.Dimse;

/// <summary>
/// The VR of each command element (PS3.7 E.1). A command set is Implicit VR, so the VR comes
/// from here rather than from whichever data dictionary the reader was built with.
/// </summary>
internal static class CommandElements
{
    private static readonly Dictionary<uint, DicomVR> VRs = new()
    {
        [0x00000000] = DicomVR.UL,
        [0x00000002] = DicomVR.UI,
        [0x00000003] = DicomVR.UI,
        [0x00000100] = DicomVR.US,
        [0x00000110] = DicomVR.US,
        [0x00000120] = DicomVR.US,
        [0x00000600] = DicomVR.AE,
        [0x00000700] = DicomVR.US,
        [0x00000800] = DicomVR.US,
        [0x00000900] = DicomVR.US,
        [0x00000901] = DicomVR.AT,
        [0x00000902] = DicomVR.LO,
        [0x00000903] = DicomVR.US,
        [0x00001000] = DicomVR.UI,
        [0x00001001] = DicomVR.UI,
        [0x00001002] = DicomVR.US,
        [0x00001005] = DicomVR.AT,
        [0x00001008] = DicomVR.US,
        [0x00001020] = DicomVR.US,
        [0x00001021] = DicomVR.US,
        [0x00001022] = DicomVR.US,
        [0x00001023] = DicomVR.US,
        [0x00001030] = DicomVR.AE,
        [0x00001031] = DicomVR.US,
    };

    /// <summary>Returns the command element's VR, or null for a tag PS3.7 does not define.</summary>
    public static DicomVR? Find(DicomTag tag) => VRs.TryGetValue(tag.Value, out var vr) ? vr : null;
}
