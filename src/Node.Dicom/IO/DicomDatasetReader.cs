using Node.Dicom.Data;
using Node.Dicom.Dictionary;
using Node.Dicom.Errors;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.IO;

/// <summary>
/// Parses a data set in one transfer syntax (PS3.5 section 7): data elements, sequences and
/// items of defined and undefined length, and encapsulated pixel data.
/// </summary>
internal sealed class DicomDatasetReader
{
    /// <summary>The value of a length field that means "undefined length".</summary>
    private const uint UndefinedLength = 0xFFFFFFFF;

    /// <summary>Marks the end offset of an element list that ends with a delimiter rather than at a byte count.</summary>
    private const long NoEndOffset = -1;

    private readonly DicomInput _input;
    private readonly bool _bigEndian;
    private readonly bool _explicitVR;
    private readonly DicomReadOptions _options;

    public DicomDatasetReader(DicomInput input, DicomTransferSyntax syntax, DicomReadOptions options)
    {
        _input = input;
        _bigEndian = syntax.IsBigEndian;
        _explicitVR = syntax.IsExplicitVR;
        _options = options;
    }

    /// <summary>True when the last read stopped at Pixel Data because <see cref="DicomReadOptions.StopBeforePixelData"/> is set.</summary>
    public bool StoppedBeforePixelData { get; private set; }

    /// <summary>Where the top-level Pixel Data element starts in the input, where the read stopped there; else null.</summary>
    public long? PixelDataPosition { get; private set; }

    /// <summary>Reads top-level elements to the end of the input, or up to Pixel Data where the options request it.</summary>
    public DicomDataset ReadTopLevel()
    {
        var dataset = new DicomDataset();
        ReadElements(dataset, NoEndOffset, _explicitVR, depth: 0, isTopLevel: true);
        return dataset;
    }

    /// <summary>Reads top-level elements while the next tag belongs to <paramref name="group"/>, as for file meta information.</summary>
    public DicomDataset ReadGroup(ushort group)
    {
        var dataset = new DicomDataset();
        while (_input.TryEnsure(2) && System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(_input.Peek(2, "tag group")) == group)
        {
            var start = _input.Position;
            var tag = ReadTag();
            dataset.AddFromInput(ReadElementBody(dataset, tag, start, _explicitVR, depth: 0));
        }

        return dataset;
    }

    /// <summary>
    /// Reads elements into <paramref name="dataset"/> until <paramref name="endOffset"/>, an Item
    /// Delimitation Item (items of undefined length) or the end of the input (top level).
    /// </summary>
    private void ReadElements(DicomDataset dataset, long endOffset, bool explicitVR, int depth, bool isTopLevel)
    {
        while (true)
        {
            // An item of defined length ends exactly at its byte count.
            if (endOffset != NoEndOffset && _input.Position >= endOffset)
            {
                if (_input.Position > endOffset)
                {
                    throw new DicomFormatException($"the last element overruns its item, which ends at offset {endOffset}", _input.Position);
                }

                return;
            }

            // The top level ends with the input; an item of undefined length must not.
            if (_input.IsAtEnd)
            {
                if (!isTopLevel)
                {
                    throw new DicomFormatException("unexpected end of input inside an item: no Item Delimitation Item (FFFE,E00D)", _input.Position);
                }

                return;
            }

            var start = _input.Position;
            var tag = ReadTag();

            // (FFFE,E00D) closes an item of undefined length; its length field must be 0 and is not checked further.
            if (tag == DicomTag.ItemDelimitationItem)
            {
                _input.ReadUInt32(_bigEndian, "Item Delimitation Item length");
                if (isTopLevel)
                {
                    throw new DicomFormatException("Item Delimitation Item (FFFE,E00D) outside any item", start, tag);
                }

                return;
            }

            if (isTopLevel && _options.StopBeforePixelData && tag == DicomTags.PixelData)
            {
                StoppedBeforePixelData = true;
                PixelDataPosition = start;
                return;
            }

            var element = ReadElementBody(dataset, tag, start, explicitVR, depth);
            dataset.AddFromInput(element);
        }
    }

    private DicomElement ReadElementBody(DicomDataset dataset, DicomTag tag, long start, bool explicitVR, int depth)
    {
        if (tag.Group == 0xFFFE)
        {
            throw new DicomFormatException("item or delimiter tag where a data element was expected", start, tag);
        }

        var (vr, length) = explicitVR ? ReadExplicitHeader(tag) : ReadImplicitHeader(dataset, tag);

        // In Explicit VR, UN of undefined length contains a sequence in Implicit VR Little Endian (PS3.5 6.2.2).
        if (vr == DicomVR.SQ || (length == UndefinedLength && vr == DicomVR.UN))
        {
            var itemsExplicit = explicitVR && vr == DicomVR.SQ;
            return ReadSequence(tag, length, itemsExplicit, depth + 1);
        }

        if (length == UndefinedLength)
        {
            if (tag == DicomTags.PixelData || vr == DicomVR.OB || vr == DicomVR.OW)
            {
                return ReadFragments(tag, vr == DicomVR.UN ? DicomVR.OB : vr);
            }

            throw new DicomFormatException($"undefined length is not allowed for VR {vr}", start, tag);
        }

        var value = _input.ReadValue(length, tag);
        if (_bigEndian && vr.UnitSize > 1)
        {
            value = ByteOrder.SwapToLittleEndian(value.Span, vr.UnitSize);
        }

        return new DicomValueElement(tag, vr, value);
    }

    private (DicomVR Vr, uint Length) ReadExplicitHeader(DicomTag tag)
    {
        var code = _input.ReadUInt16(bigEndian: true, "VR");
        if (!DicomVR.TryGet(code, out var vr))
        {
            // PS3.5 7.1.2: a VR unknown to the reader has the long header form with a 32-bit length.
            _input.Skip(2, "reserved bytes after an unknown VR");
            return (DicomVR.UN, _input.ReadUInt32(_bigEndian, "value length"));
        }

        if (vr.HasLongExplicitLength)
        {
            _input.Skip(2, "reserved bytes after VR " + vr.Code);
            return (vr, _input.ReadUInt32(_bigEndian, "value length"));
        }

        return (vr, _input.ReadUInt16(_bigEndian, "value length"));
    }

    private (DicomVR Vr, uint Length) ReadImplicitHeader(DicomDataset dataset, DicomTag tag)
    {
        var length = _input.ReadUInt32(_bigEndian, "value length");
        var vr = ImplicitVR(dataset, tag);

        // An unknown element of undefined length can only be a sequence (PS3.5 7.5.1).
        if (vr == DicomVR.UN && length == UndefinedLength && tag != DicomTags.PixelData)
        {
            vr = DicomVR.SQ;
        }

        return (vr, length);
    }

    /// <summary>
    /// The VR of an element in Implicit VR: the dictionary's, with "US or SS" decided by Pixel
    /// Representation (0028,0103) where the data set already contains it.
    /// </summary>
    private static DicomVR ImplicitVR(DicomDataset dataset, DicomTag tag)
    {
        if (tag.IsGroupLength)
        {
            return DicomVR.UL;
        }

        if (tag.IsPrivateCreator)
        {
            return DicomVR.LO;
        }

        var vr = DicomDictionary.GetImplicitVR(tag);
        if (vr == DicomVR.US && DicomDictionary.TryFind(tag, out var entry) && entry.ValueRepresentations.Contains(DicomVR.SS)
            && dataset.TryGetInt32(DicomTags.PixelRepresentation, out var representation) && representation == 1)
        {
            return DicomVR.SS;
        }

        return vr;
    }

    private DicomSequence ReadSequence(DicomTag tag, uint length, bool explicitVR, int depth)
    {
        if (depth > _options.MaxSequenceDepth)
        {
            throw new DicomFormatException($"sequences nest deeper than {_options.MaxSequenceDepth} levels (DicomReadOptions.MaxSequenceDepth)", _input.Position, tag);
        }

        // Each level recurses, so a raised MaxSequenceDepth could otherwise overflow the stack and end the process.
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new DicomFormatException($"sequences nest {depth} levels deep, too deep for the thread's stack; lower DicomReadOptions.MaxSequenceDepth", _input.Position, tag);
        }

        var sequence = new DicomSequence(tag);
        var end = length == UndefinedLength ? NoEndOffset : CheckedEnd(length, tag);
        while (end == NoEndOffset || _input.Position < end)
        {
            var itemStart = _input.Position;
            var itemTag = ReadTag();
            var itemLength = _input.ReadUInt32(_bigEndian, "item length");
            if (itemTag == DicomTag.SequenceDelimitationItem)
            {
                return sequence;
            }

            if (itemTag != DicomTag.Item)
            {
                throw new DicomFormatException($"expected an Item (FFFE,E000) in sequence {tag}, found {itemTag}", itemStart, tag);
            }

            var item = new DicomDataset();
            sequence.Items.Add(item);
            var itemEnd = itemLength == UndefinedLength ? NoEndOffset : CheckedEnd(itemLength, tag);
            ReadElements(item, itemEnd, explicitVR, depth, isTopLevel: false);
        }

        if (_input.Position > end)
        {
            throw new DicomFormatException($"the items of sequence {tag} overrun its length of {length} bytes", _input.Position, tag);
        }

        return sequence;
    }

    /// <summary>Reads encapsulated pixel data (PS3.5 A.4): a Basic Offset Table item, fragment items, a Sequence Delimitation Item.</summary>
    private DicomFragmentSequence ReadFragments(DicomTag tag, DicomVR vr)
    {
        ReadOnlyMemory<byte>? offsetTable = null;
        var fragments = new List<ReadOnlyMemory<byte>>();
        while (true)
        {
            var itemStart = _input.Position;
            var itemTag = ReadTag();
            var itemLength = _input.ReadUInt32(_bigEndian, "fragment length");
            if (itemTag == DicomTag.SequenceDelimitationItem)
            {
                return new DicomFragmentSequence(tag, vr, offsetTable ?? ReadOnlyMemory<byte>.Empty, fragments);
            }

            if (itemTag != DicomTag.Item || itemLength == UndefinedLength)
            {
                throw new DicomFormatException($"expected a fragment Item (FFFE,E000) of defined length, found {itemTag} with length {itemLength:X8}", itemStart, tag);
            }

            var value = _input.ReadValue(itemLength, tag);
            if (offsetTable is null)
            {
                offsetTable = value;
            }
            else
            {
                fragments.Add(value);
            }
        }
    }

    private long CheckedEnd(uint length, DicomTag tag)
    {
        if (_input.Remaining is { } remaining && length > remaining)
        {
            throw new DicomFormatException($"length {length} exceeds the {remaining} bytes that remain", _input.Position, tag);
        }

        return _input.Position + length;
    }

    private DicomTag ReadTag()
    {
        var group = _input.ReadUInt16(_bigEndian, "tag group");
        var element = _input.ReadUInt16(_bigEndian, "tag element");
        return new DicomTag(group, element);
    }
}
