using System.Buffers.Binary;
using Node.Dicom.Data;
using Node.Dicom.Dictionary;
using Node.Dicom.Errors;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.IO;

/// <summary>
/// Writes a data set in Explicit or Implicit VR Little Endian (PS3.5 section 7). The output is
/// deterministic: elements in tag order, sequences, items and encapsulated pixel data with
/// undefined length and delimiters, every value padded to even length.
/// </summary>
internal sealed class DicomDatasetWriter
{
    private const uint UndefinedLength = 0xFFFFFFFF;

    private readonly Stream _output;
    private readonly bool _explicitVR;

    /// <summary>Scratch space for one element header: tag, VR, reserved bytes and length.</summary>
    private readonly byte[] _header = new byte[12];

    public DicomDatasetWriter(Stream output, bool explicitVR)
    {
        _output = output;
        _explicitVR = explicitVR;
    }

    /// <summary>
    /// Writes every element of <paramref name="dataset"/> except group lengths, which PS3.5 7.2
    /// retires outside group 0002, and, where <paramref name="skipFileMeta"/>, group 0002.
    /// </summary>
    public void WriteDataset(DicomDataset dataset, bool skipFileMeta)
    {
        foreach (var element in dataset)
        {
            if (element.Tag.IsGroupLength || (skipFileMeta && element.Tag.Group == 0x0002))
            {
                continue;
            }

            WriteElement(element);
        }
    }

    private void WriteElement(DicomElement element)
    {
        switch (element)
        {
            case DicomSequence sequence:
                WriteSequence(sequence);
                break;
            case DicomFragmentSequence fragments:
                WriteFragments(fragments);
                break;
            case DicomValueElement value:
                WriteValue(value);
                break;
        }
    }

    private void WriteValue(DicomValueElement element)
    {
        var value = element.Value.Span;
        var length = value.Length + (value.Length % 2);
        var vr = element.VR;

        // A value too long for a 16-bit length field can only be written as UN (PS3.5 6.2.2).
        if (_explicitVR && !vr.HasLongExplicitLength && length > ushort.MaxValue)
        {
            vr = DicomVR.UN;
        }

        if (!_explicitVR)
        {
            CheckImplicitVR(element);
        }

        WriteHeader(element.Tag, vr, (uint)length);
        _output.Write(value);
        if (value.Length % 2 == 1)
        {
            _output.WriteByte(element.VR.PaddingByte);
        }
    }

    private void WriteSequence(DicomSequence sequence)
    {
        if (!_explicitVR)
        {
            CheckImplicitVR(sequence);
        }

        WriteHeader(sequence.Tag, DicomVR.SQ, UndefinedLength);
        foreach (var item in sequence.Items)
        {
            WriteItemHeader(DicomTag.Item, UndefinedLength);
            WriteDataset(item, skipFileMeta: false);
            WriteItemHeader(DicomTag.ItemDelimitationItem, 0);
        }

        WriteItemHeader(DicomTag.SequenceDelimitationItem, 0);
    }

    private void WriteFragments(DicomFragmentSequence fragments)
    {
        WriteHeader(fragments.Tag, fragments.VR, UndefinedLength);
        WriteFragment(fragments.BasicOffsetTable.Span);
        foreach (var fragment in fragments.Fragments)
        {
            WriteFragment(fragment.Span);
        }

        WriteItemHeader(DicomTag.SequenceDelimitationItem, 0);
    }

    private void WriteFragment(ReadOnlySpan<byte> fragment)
    {
        WriteItemHeader(DicomTag.Item, (uint)(fragment.Length + (fragment.Length % 2)));
        _output.Write(fragment);
        if (fragment.Length % 2 == 1)
        {
            _output.WriteByte(0);
        }
    }

    private void WriteHeader(DicomTag tag, DicomVR vr, uint length)
    {
        var header = _header.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(header, tag.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], tag.Element);
        if (!_explicitVR)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[4..], length);
            _output.Write(header[..8]);
            return;
        }

        BinaryPrimitives.WriteUInt16BigEndian(header[4..], vr.Code16);
        if (vr.HasLongExplicitLength)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 0);
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], length);
            _output.Write(header[..12]);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)length);
            _output.Write(header[..8]);
        }
    }

    private void WriteItemHeader(DicomTag tag, uint length)
    {
        var header = _header.AsSpan(0, 8);
        BinaryPrimitives.WriteUInt16LittleEndian(header, tag.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], tag.Element);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], length);
        _output.Write(header);
    }

    /// <summary>
    /// Implicit VR leaves the VR to the reader's dictionary, so an element whose VR is of another
    /// kind than the dictionary's (text, number, bulk or sequence) would be parsed differently
    /// and cannot be written that way.
    /// </summary>
    private static void CheckImplicitVR(DicomElement element)
    {
        if (element.VR == DicomVR.UN || element.Tag.IsPrivate || !DicomDictionary.TryFind(element.Tag, out var entry))
        {
            return;
        }

        var dictionaryVRs = entry.ValueRepresentations;
        if (dictionaryVRs.Count == 0 || dictionaryVRs.Contains(element.VR) || dictionaryVRs.Contains(DicomVR.UN) || dictionaryVRs.Any(vr => vr.Kind == element.VR.Kind))
        {
            return;
        }

        throw new DicomFormatException(
            $"the element has VR {element.VR} where the dictionary has {string.Join(" or ", dictionaryVRs)}, so it cannot be written in Implicit VR; write the data set in Explicit VR Little Endian",
            tag: element.Tag);
    }
}
