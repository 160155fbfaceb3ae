using System.Buffers.Binary;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.Network.Dimse;

/// <summary>
/// A DIMSE command set (group 0000, PS3.7 E.1), always encoded in Implicit VR Little Endian and
/// led by Command Group Length (0000,0000).
/// </summary>
public sealed class DimseCommand
{
    /// <summary>Tag (4), value length (4) and UL value (4) of Command Group Length in Implicit VR.</summary>
    private const int GroupLengthElementLength = 12;

    public DimseCommand(DicomDataset dataset)
    {
        Dataset = dataset;
    }

    /// <summary>The command elements; Command Group Length is computed on encoding, never stored.</summary>
    public DicomDataset Dataset { get; }

    /// <summary>Command Field (0000,0100); 0 where absent.</summary>
    public ushort CommandField => GetUInt16(DicomTags.CommandField) ?? 0;

    public ushort? MessageId => GetUInt16(DicomTags.MessageID);

    public ushort? MessageIdBeingRespondedTo => GetUInt16(DicomTags.MessageIDBeingRespondedTo);

    public ushort? Status => GetUInt16(DicomTags.Status);

    public ushort Priority => GetUInt16(DicomTags.Priority) ?? Dimse.CommandField.PriorityMedium;

    /// <summary>True unless Command Data Set Type (0000,0800) is 0x0101; PS3.7 makes any other value mean "a data set follows".</summary>
    public bool HasDataSet => GetUInt16(DicomTags.CommandDataSetType) is { } type && type != Dimse.CommandField.NoDataSet;

    public string? AffectedSopClassUid => Dataset.GetUid(DicomTags.AffectedSOPClassUID);

    public string? AffectedSopInstanceUid => Dataset.GetUid(DicomTags.AffectedSOPInstanceUID);

    public string? ErrorComment => Dataset.GetString(DicomTags.ErrorComment);

    public bool IsResponse => (CommandField & Dimse.CommandField.ResponseBit) != 0;

    public static DimseCommand CreateEchoRequest(ushort messageId)
    {
        var command = new DicomDataset();
        command.SetUid(DicomTags.AffectedSOPClassUID, DicomUids.Verification);
        SetUInt16(command, DicomTags.CommandField, Dimse.CommandField.CEchoRq);
        SetUInt16(command, DicomTags.MessageID, messageId);
        SetUInt16(command, DicomTags.CommandDataSetType, Dimse.CommandField.NoDataSet);
        return new DimseCommand(command);
    }

    public static DimseCommand CreateStoreRequest(ushort messageId, string sopClassUid, string sopInstanceUid, ushort priority = Dimse.CommandField.PriorityMedium)
    {
        var command = new DicomDataset();
        command.SetUid(DicomTags.AffectedSOPClassUID, sopClassUid);
        SetUInt16(command, DicomTags.CommandField, Dimse.CommandField.CStoreRq);
        SetUInt16(command, DicomTags.MessageID, messageId);
        SetUInt16(command, DicomTags.Priority, priority);
        SetUInt16(command, DicomTags.CommandDataSetType, Dimse.CommandField.DataSetPresent);
        command.SetUid(DicomTags.AffectedSOPInstanceUID, sopInstanceUid);
        return new DimseCommand(command);
    }

    /// <summary>
    /// Builds the response to <paramref name="request"/> with every field PS3.7 lists for it: the
    /// affected SOP class and instance copied byte for byte, Message ID Being Responded To, no
    /// data set, and the status.
    /// </summary>
    public static DimseCommand CreateResponse(DimseCommand request, ushort status, string? errorComment = null)
    {
        var command = new DicomDataset();
        CopyElement(request.Dataset, command, DicomTags.AffectedSOPClassUID);
        SetUInt16(command, DicomTags.CommandField, (ushort)(request.CommandField | Dimse.CommandField.ResponseBit));
        SetUInt16(command, DicomTags.MessageIDBeingRespondedTo, request.MessageId ?? 0);
        SetUInt16(command, DicomTags.CommandDataSetType, Dimse.CommandField.NoDataSet);
        SetUInt16(command, DicomTags.Status, status);
        if (errorComment is not null && !DimseStatus.IsSuccess(status))
        {
            command.SetString(DicomTags.ErrorComment, DicomVR.LO, Truncate(errorComment));
        }

        CopyElement(request.Dataset, command, DicomTags.AffectedSOPInstanceUID);
        return new DimseCommand(command);
    }

    /// <summary>Encodes the command set in Implicit VR Little Endian with its group length first.</summary>
    public byte[] Encode()
    {
        using var body = new MemoryStream();
        DicomFile.WriteDataset(body, Dataset, DicomTransferSyntax.ImplicitVRLittleEndian);

        var bytes = new byte[GroupLengthElementLength + body.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)body.Length);
        body.GetBuffer().AsSpan(0, (int)body.Length).CopyTo(bytes.AsSpan(GroupLengthElementLength));
        return bytes;
    }

    /// <summary>Decodes a command set, typing its elements from PS3.7 rather than from the data dictionary.</summary>
    /// <exception cref="DicomFormatException">The bytes are not an Implicit VR command set of group 0000.</exception>
    public static DimseCommand Decode(ReadOnlyMemory<byte> bytes)
    {
        var read = DicomFile.ReadDataset(bytes, DicomTransferSyntax.ImplicitVRLittleEndian);
        var command = new DicomDataset();
        foreach (var element in read)
        {
            if (element.Tag.Group != 0x0000)
            {
                throw new DicomFormatException("invalid command set: it contains an element outside group 0000", tag: element.Tag);
            }

            if (element.Tag.IsGroupLength)
            {
                continue;
            }

            command.Set(Retype(element));
        }

        return new DimseCommand(command);
    }

    public override string ToString() =>
        $"{Dimse.CommandField.Describe(CommandField)} message ID {MessageId?.ToString() ?? MessageIdBeingRespondedTo?.ToString() ?? "-"}";

    private ushort? GetUInt16(DicomTag tag)
    {
        if (Dataset.GetElement(tag) is not DicomValueElement { Length: >= 2 } element || element.VR != DicomVR.US)
        {
            return null;
        }

        return BinaryPrimitives.ReadUInt16LittleEndian(element.Value.Span);
    }

    private static void SetUInt16(DicomDataset command, DicomTag tag, ushort value) =>
        command.SetValues(tag, DicomVR.US, value);

    private static DicomElement Retype(DicomElement element)
    {
        if (element is DicomValueElement value && CommandElements.Find(element.Tag) is { } vr && value.VR != vr)
        {
            return new DicomValueElement(element.Tag, vr, value.Value);
        }

        return element;
    }

    private static void CopyElement(DicomDataset from, DicomDataset to, DicomTag tag)
    {
        if (from.GetElement(tag) is { } element)
        {
            to.Set(element);
        }
    }

    private static string Truncate(string comment)
    {
        const int errorCommentMaxLength = 64;
        var ascii = new string([.. comment.Select(c => c is >= ' ' and <= '~' and not '\\' ? c : '?')]);
        return ascii.Length <= errorCommentMaxLength ? ascii : ascii[..errorCommentMaxLength];
    }
}
