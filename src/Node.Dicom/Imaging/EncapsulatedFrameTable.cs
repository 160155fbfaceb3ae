using System.Buffers.Binary;
using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.Tags;
using static Node.Dicom.Imaging.ImagePixelAttributeNames;

namespace Node.Dicom.Imaging;

/// <summary>
/// Finds which fragments of encapsulated pixel data (PS3.5 A.4) contain each frame. The Extended
/// Offset Table decides where present, else the Basic Offset Table. Without either, each fragment
/// is one frame where the counts match, and a single frame gets all fragments.
/// </summary>
internal static class EncapsulatedFrameTable
{
    /// <summary>Bytes of an item header: the (FFFE,E000) tag and the 32-bit length.</summary>
    private const int ItemHeaderLength = 8;

    private const int BasicOffsetSize = 4;
    private const int ExtendedOffsetSize = 8;

    public static FragmentRange[] Build(DicomDataset dataset, DicomFragmentSequence pixelData, int frameCount)
    {
        if (pixelData.Fragments.Count == 0)
        {
            throw new DicomPixelDataException($"{Describe(DicomTags.PixelData)} contains no fragments after the Basic Offset Table", DicomTags.PixelData);
        }

        var offsets = ImagePixelAttributeReader.ReadBytes(dataset, DicomTags.ExtendedOffsetTable);
        var lengths = ImagePixelAttributeReader.ReadBytes(dataset, DicomTags.ExtendedOffsetTableLengths);
        if (offsets.HasValue || lengths.HasValue)
        {
            return FromExtendedOffsetTable(pixelData, offsets, lengths, frameCount);
        }

        if (!pixelData.BasicOffsetTable.IsEmpty)
        {
            return FromBasicOffsetTable(pixelData, frameCount);
        }

        if (pixelData.Fragments.Count == frameCount)
        {
            return [.. Enumerable.Range(0, frameCount).Select(index => new FragmentRange(index, 1, null))];
        }

        if (frameCount == 1)
        {
            return [new FragmentRange(0, pixelData.Fragments.Count, null)];
        }

        throw new DicomPixelDataException(
            $"cannot find the frame boundaries: {Describe(DicomTags.PixelData)} contains {pixelData.Fragments.Count} fragments for "
            + $"{Describe(DicomTags.NumberOfFrames)} {frameCount} and has neither a Basic nor an Extended Offset Table",
            DicomTags.PixelData);
    }

    private static FragmentRange[] FromExtendedOffsetTable(DicomFragmentSequence pixelData, ReadOnlyMemory<byte>? offsetBytes, ReadOnlyMemory<byte>? lengthBytes, int frameCount)
    {
        if (offsetBytes is not { } offsetValue || lengthBytes is not { } lengthValue)
        {
            var (present, absent) = offsetBytes.HasValue
                ? (DicomTags.ExtendedOffsetTable, DicomTags.ExtendedOffsetTableLengths)
                : (DicomTags.ExtendedOffsetTableLengths, DicomTags.ExtendedOffsetTable);
            throw new DicomPixelDataException($"{Describe(present)} is present without {Describe(absent)}", absent);
        }

        var offsets = ReadUInt64s(offsetValue.Span, DicomTags.ExtendedOffsetTable, frameCount);
        var lengths = ReadUInt64s(lengthValue.Span, DicomTags.ExtendedOffsetTableLengths, frameCount);
        var ranges = FromOffsets(pixelData, offsets, DicomTags.ExtendedOffsetTable);
        for (var frame = 0; frame < ranges.Length; frame++)
        {
            var available = FragmentBytes(pixelData, ranges[frame]);
            if (lengths[frame] > (ulong)available)
            {
                throw new DicomPixelDataException(
                    $"{Describe(DicomTags.ExtendedOffsetTableLengths)} gives frame {frame} {lengths[frame]} bytes, but its fragments contain {available}",
                    DicomTags.ExtendedOffsetTableLengths);
            }

            ranges[frame] = ranges[frame] with { Length = (long)lengths[frame] };
        }

        return ranges;
    }

    private static FragmentRange[] FromBasicOffsetTable(DicomFragmentSequence pixelData, int frameCount)
    {
        var table = pixelData.BasicOffsetTable.Span;
        if (table.Length % BasicOffsetSize != 0 || table.Length / BasicOffsetSize != frameCount)
        {
            throw new DicomPixelDataException(
                $"the Basic Offset Table of {Describe(DicomTags.PixelData)} contains {table.Length} bytes, expected 4 for each of the {frameCount} frames of {Describe(DicomTags.NumberOfFrames)}",
                DicomTags.PixelData);
        }

        var offsets = new ulong[frameCount];
        for (var frame = 0; frame < frameCount; frame++)
        {
            offsets[frame] = BinaryPrimitives.ReadUInt32LittleEndian(table[(frame * BasicOffsetSize)..]);
        }

        return FromOffsets(pixelData, offsets, DicomTags.PixelData);
    }

    private static ulong[] ReadUInt64s(ReadOnlySpan<byte> bytes, DicomTag tag, int frameCount)
    {
        if (bytes.Length != frameCount * ExtendedOffsetSize)
        {
            throw new DicomPixelDataException(
                $"{Describe(tag)} contains {bytes.Length} bytes, expected 8 for each of the {frameCount} frames of {Describe(DicomTags.NumberOfFrames)}",
                tag);
        }

        var values = new ulong[frameCount];
        for (var i = 0; i < frameCount; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * ExtendedOffsetSize)..]);
        }

        return values;
    }

    /// <summary>
    /// Turns frame offsets into fragment ranges. Each offset counts bytes from the first byte of
    /// the first fragment's item tag to the item tag of the frame's first fragment. So it must
    /// land on an item header, and the offsets must increase.
    /// </summary>
    private static FragmentRange[] FromOffsets(DicomFragmentSequence pixelData, ulong[] offsets, DicomTag tag)
    {
        var itemStarts = ItemStarts(pixelData);
        var firsts = new int[offsets.Length];
        for (var frame = 0; frame < offsets.Length; frame++)
        {
            var index = offsets[frame] <= long.MaxValue ? Array.BinarySearch(itemStarts, (long)offsets[frame]) : -1;
            if (index < 0)
            {
                throw new DicomPixelDataException($"the offset table of {Describe(tag)} gives frame {frame} offset {offsets[frame]}, which is not the start of a fragment", tag);
            }

            if (frame == 0 && index != 0)
            {
                throw new DicomPixelDataException($"the offset table of {Describe(tag)} gives frame 0 offset {offsets[0]}, expected 0", tag);
            }

            if (frame > 0 && index <= firsts[frame - 1])
            {
                throw new DicomPixelDataException($"the offset table of {Describe(tag)} gives frame {frame} offset {offsets[frame]}, not after frame {frame - 1}'s offset {offsets[frame - 1]}", tag);
            }

            firsts[frame] = index;
        }

        var ranges = new FragmentRange[offsets.Length];
        for (var frame = 0; frame < ranges.Length; frame++)
        {
            var end = frame + 1 < firsts.Length ? firsts[frame + 1] : pixelData.Fragments.Count;
            ranges[frame] = new FragmentRange(firsts[frame], end - firsts[frame], null);
        }

        return ranges;
    }

    /// <summary>Returns the offset of each fragment's item tag from the first fragment's item tag.</summary>
    private static long[] ItemStarts(DicomFragmentSequence pixelData)
    {
        var starts = new long[pixelData.Fragments.Count];
        long position = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = position;
            position += ItemHeaderLength + pixelData.Fragments[i].Length;
        }

        return starts;
    }

    private static long FragmentBytes(DicomFragmentSequence pixelData, FragmentRange range)
    {
        long total = 0;
        for (var i = range.First; i < range.First + range.Count; i++)
        {
            total += pixelData.Fragments[i].Length;
        }

        return total;
    }
}
