using System.Buffers.Binary;
using Node.Dicom.Data;
using Node.Dicom.IO;
using Node.Dicom.Tags;

namespace Node.Dicom.Network.Server;

/// <summary>
/// Builds the start of a Part 10 file (preamble, "DICM", File Meta Information) for a received
/// data set, so a handler can write the file by appending the data set bytes unchanged.
/// </summary>
public static class DicomPart10Header
{
    /// <summary>Preamble (128), "DICM" (4) and the (0002,0000) element in Explicit VR (12).</summary>
    private const int GroupLengthValueOffset = 128 + 4 + 8;

    private const int BytesBeforeMetaElements = GroupLengthValueOffset + 4;

    /// <summary>Returns the preamble and File Meta Information for <paramref name="request"/>, with the calling AE as Source Application Entity Title.</summary>
    public static byte[] Create(DicomStoreRequest request)
    {
        var file = new DicomFile(new DicomDataset(), request.TransferSyntax);
        file.FileMetaInformation.SetUid(DicomTags.MediaStorageSOPClassUID, request.SopClassUid);
        file.FileMetaInformation.SetUid(DicomTags.MediaStorageSOPInstanceUID, request.SopInstanceUid);
        file.FileMetaInformation.SetString(DicomTags.SourceApplicationEntityTitle, Vr.DicomVR.AE, request.Association.CallingAeTitle);

        // The writer emits the meta group and an empty data set, which for Deflated is an empty
        // compressed block. The header is everything up to the end of the meta group.
        var bytes = file.ToBytes();
        var metaLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(GroupLengthValueOffset));
        return bytes[..(BytesBeforeMetaElements + (int)metaLength)];
    }

    /// <summary>Writes a whole Part 10 file: the header, then <paramref name="dataSet"/> copied to its end.</summary>
    public static async Task WriteFileAsync(DicomStoreRequest request, Stream dataSet, Stream output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Create(request), cancellationToken).ConfigureAwait(false);
        await dataSet.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }
}
