using System.Buffers.Binary;
using System.Text;

namespace Node.Dicom.Tests.Robustness;

/// <summary>
/// Makes malformed inputs from one sample: seeded random mutations (bit flips, byte and field
/// overwrites, cuts, deleted and repeated ranges), truncation at every field boundary, and
/// length fields set past the end of the input. The same seed always gives the same input.
/// </summary>
internal sealed class Mutator(MutationSample sample)
{
    /// <summary>A 32-bit length field value that PS3.5 reads as "undefined length".</summary>
    private const uint UndefinedLength = 0xFFFFFFFF;

    /// <summary>A length just below undefined length, which overflows an end offset computed in 32 bits.</summary>
    private const uint AlmostUndefinedLength = 0xFFFFFFF0;

    private static readonly uint[] InterestingTags =
    [
        0xFFFEE000, 0xFFFEE00D, 0xFFFEE0DD, 0x7FE00010, 0x00020010, 0x00080005, 0x00000000, 0xFFFFFFFF,
        0x00091010, 0x00081140, 0x00280103, 0xFFFCFFFC,
    ];

    private static readonly string[] InterestingVRs =
    [
        "AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "OB", "OD", "OF", "OL", "OV", "OW",
        "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV",
        "??", "\0\0", "  ", "sq", "\xFF\xFF",
    ];

    /// <summary>Text a value may be overwritten with: separators, escapes, character set terms, bad numbers.</summary>
    private static readonly string[] InterestingTexts =
    [
        "\\\\\\\\", "ISO 2022 IR 87\\ISO 2022 IR 149", "ISO_IR 192", "\x1b$B\x1b(B", "1e309", "NaN", "-", "+99999999999999999999",
        "^^^^", "=", "20231399", "256060", "\0\0\0\0",
    ];

    public Mutation Random(int seed)
    {
        var random = new Random(seed);

        // A quarter of the deflated sample's mutations hit the compressed bytes, the rest the inflated data set.
        var compressed = sample.IsDeflated && random.Next(4) == 0;
        var bytes = (compressed ? sample.File : sample.PlainView).ToArray();
        var steps = random.Next(10) switch { < 6 => 1, < 9 => 2, _ => 3 };
        var description = new StringBuilder($"seed {seed}{(compressed ? ", compressed bytes" : string.Empty)}:");
        for (var i = 0; i < steps; i++)
        {
            description.Append(' ');
            bytes = MutateOnce(bytes, random, byteLevelOnly: compressed, description);
        }

        return new Mutation(description.ToString(), compressed ? bytes : sample.Encode(bytes));
    }

    /// <summary>Cuts the input at the start, one byte in, one byte before the end, and the end of every field.</summary>
    public IEnumerable<Mutation> Truncations()
    {
        var cuts = new SortedDictionary<int, string>();
        foreach (var field in sample.Fields)
        {
            cuts.TryAdd(field.Offset, $"before {field.Kind} at {field.Offset}");
            cuts.TryAdd(field.End, $"after {field.Kind} at {field.Offset}");
            if (field.Size > 1)
            {
                cuts.TryAdd(field.Offset + 1, $"one byte into {field.Kind} at {field.Offset}");
                cuts.TryAdd(field.End - 1, $"one byte before the end of {field.Kind} at {field.Offset}");
            }
        }

        cuts.Remove(sample.PlainView.Length);
        foreach (var (length, where) in cuts)
        {
            yield return new Mutation($"truncate to {length} bytes, {where}", sample.Encode(sample.PlainView[..length]));
        }
    }

    /// <summary>Sets every length field to undefined, to just below it, and to one more than the bytes that remain.</summary>
    public IEnumerable<Mutation> InflatedLengths()
    {
        foreach (var field in sample.Fields.Where(field => field.IsLength))
        {
            var remaining = (uint)(sample.PlainView.Length - field.End);
            uint[] values = field.Size == 2 ? [ushort.MaxValue, 0xFFF0, Math.Min(remaining + 1, ushort.MaxValue)] : [UndefinedLength, AlmostUndefinedLength, remaining + 1];
            foreach (var value in values)
            {
                var bytes = sample.PlainView.ToArray();
                WriteNumber(bytes, field, value);
                yield return new Mutation($"{field.Kind} at {field.Offset} set to 0x{value:X}", sample.Encode(bytes));
            }
        }
    }

    private byte[] MutateOnce(byte[] bytes, Random random, bool byteLevelOnly, StringBuilder description)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var choice = random.Next(100);
        if (!byteLevelOnly && choice < 40)
        {
            return OverwriteField(bytes, random, description);
        }

        return choice switch
        {
            < 65 => FlipBits(bytes, random, description),
            < 80 => OverwriteBytes(bytes, random, description),
            < 88 => Truncate(bytes, random, description),
            < 94 => DeleteRange(bytes, random, description),
            _ => RepeatRange(bytes, random, description),
        };
    }

    private static byte[] FlipBits(byte[] bytes, Random random, StringBuilder description)
    {
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var offset = random.Next(bytes.Length);
            var bit = random.Next(8);
            bytes[offset] ^= (byte)(1 << bit);
            description.Append($"flip bit {bit} at {offset};");
        }

        return bytes;
    }

    private static byte[] OverwriteBytes(byte[] bytes, Random random, StringBuilder description)
    {
        var offset = random.Next(bytes.Length);
        var count = Math.Min(random.Next(1, 9), bytes.Length - offset);
        var fill = random.Next(3) switch { 0 => (byte)0x00, 1 => (byte)0xFF, _ => (byte)random.Next(256) };
        for (var i = 0; i < count; i++)
        {
            bytes[offset + i] = random.Next(2) == 0 ? fill : (byte)random.Next(256);
        }

        description.Append($"overwrite {count} bytes at {offset};");
        return bytes;
    }

    private static byte[] Truncate(byte[] bytes, Random random, StringBuilder description)
    {
        var length = random.Next(bytes.Length);
        description.Append($"truncate to {length};");
        return bytes[..length];
    }

    private static byte[] DeleteRange(byte[] bytes, Random random, StringBuilder description)
    {
        var offset = random.Next(bytes.Length);
        var count = Math.Min(random.Next(1, 65), bytes.Length - offset);
        description.Append($"delete {count} bytes at {offset};");
        return [.. bytes.AsSpan(0, offset), .. bytes.AsSpan(offset + count)];
    }

    private static byte[] RepeatRange(byte[] bytes, Random random, StringBuilder description)
    {
        var offset = random.Next(bytes.Length);
        var count = Math.Min(random.Next(1, 65), bytes.Length - offset);
        var target = random.Next(bytes.Length + 1);
        description.Append($"copy {count} bytes from {offset} to {target};");
        return [.. bytes.AsSpan(0, target), .. bytes.AsSpan(offset, count), .. bytes.AsSpan(target)];
    }

    private byte[] OverwriteField(byte[] bytes, Random random, StringBuilder description)
    {
        var field = sample.Fields[random.Next(sample.Fields.Count)];

        // Values are most of the bytes; aim at them less often than their share.
        if (field.Kind == FieldKind.Value && random.Next(3) != 0)
        {
            field = sample.Fields[random.Next(sample.Fields.Count)];
        }

        if (field.End > bytes.Length)
        {
            return FlipBits(bytes, random, description);
        }

        switch (field.Kind)
        {
            case FieldKind.Tag or FieldKind.ItemTag:
                var tag = random.Next(4) == 0 ? (uint)random.NextInt64(uint.MaxValue) : InterestingTags[random.Next(InterestingTags.Length)];
                WriteTag(bytes, field, tag);
                description.Append($"{field.Kind} at {field.Offset} set to {tag:X8};");
                break;
            case FieldKind.VR:
                var vr = InterestingVRs[random.Next(InterestingVRs.Length)];
                Encoding.Latin1.GetBytes(vr).CopyTo(bytes, field.Offset);
                description.Append($"VR at {field.Offset} set to '{vr}';");
                break;
            case FieldKind.Length16 or FieldKind.Length32 or FieldKind.ItemLength or FieldKind.OffsetTableLength or FieldKind.FragmentLength:
                var length = LengthFor(field, bytes, random);
                WriteNumber(bytes, field, length);
                description.Append($"{field.Kind} at {field.Offset} set to 0x{length:X};");
                break;
            case FieldKind.Value when field.Size > 0:
                OverwriteValue(bytes, field, random, description);
                break;
            default:
                random.NextBytes(bytes.AsSpan(field.Offset, field.Size));
                description.Append($"{field.Kind} at {field.Offset} randomised;");
                break;
        }

        return bytes;
    }

    private uint LengthFor(LayoutField field, byte[] bytes, Random random)
    {
        var original = ReadNumber(bytes, field, IsBigEndianAt(field));
        var remaining = (uint)(bytes.Length - field.End);
        uint[] choices = [0, 1, UndefinedLength, AlmostUndefinedLength, 0x7FFFFFFF, 0x80000000, remaining + 1, remaining, remaining - 1, original + 2, original - 2, original + 1, (uint)random.NextInt64(uint.MaxValue)];
        var value = choices[random.Next(choices.Length)];
        return field.Size == 2 ? (ushort)value : value;
    }

    private static void OverwriteValue(byte[] bytes, LayoutField field, Random random, StringBuilder description)
    {
        if (random.Next(2) == 0)
        {
            var text = Encoding.Latin1.GetBytes(InterestingTexts[random.Next(InterestingTexts.Length)]);
            var count = Math.Min(text.Length, field.Size);
            text.AsSpan(0, count).CopyTo(bytes.AsSpan(field.Offset));
            description.Append($"value at {field.Offset} starts with text of {count} bytes;");
            return;
        }

        var start = field.Offset + random.Next(field.Size);
        var size = Math.Min(random.Next(1, 65), field.End - start);
        for (var i = 0; i < size; i++)
        {
            bytes[start + i] = random.Next(3) == 0 ? (byte)'\\' : (byte)random.Next(0x80, 0x100);
        }

        description.Append($"{size} value bytes at {start} set to backslashes and bytes above 0x7F;");
    }

    private void WriteTag(byte[] bytes, LayoutField field, uint tag)
    {
        var group = (ushort)(tag >> 16);
        var element = (ushort)tag;
        var bigEndian = IsBigEndianAt(field);
        WriteUInt16(bytes.AsSpan(field.Offset), group, bigEndian);
        WriteUInt16(bytes.AsSpan(field.Offset + 2), element, bigEndian);
    }

    private void WriteNumber(byte[] bytes, LayoutField field, uint value)
    {
        var bigEndian = IsBigEndianAt(field);
        if (field.Size == 2)
        {
            WriteUInt16(bytes.AsSpan(field.Offset), (ushort)value, bigEndian);
        }
        else if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(field.Offset), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(field.Offset), value);
        }
    }

    private static uint ReadNumber(byte[] bytes, LayoutField field, bool bigEndian) =>
        field.Size == 2
            ? (bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(field.Offset)) : BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(field.Offset)))
            : (bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(field.Offset)) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(field.Offset)));

    private static void WriteUInt16(Span<byte> target, ushort value, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(target, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(target, value);
        }
    }

    /// <summary>File meta information is little endian in every transfer syntax, so only a big-endian data set is not.</summary>
    private bool IsBigEndianAt(LayoutField field) => sample.IsBigEndian && field.Offset >= sample.DatasetOffset;
}
