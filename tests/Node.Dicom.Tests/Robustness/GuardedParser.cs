using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Tests.Support;
using Node.Dicom.Uids;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.Robustness;

/// <summary>
/// Parses one hostile input under a watchdog and checks what a reader of untrusted input owes
/// its caller: it ends within the watchdog's limit, with a data set or a
/// <see cref="DicomFormatException"/>, allocating no more than a bounded multiple of the input.
/// A data set it returns can have every value decoded, and can be written and read back equal.
/// </summary>
internal static class GuardedParser
{
    /// <summary>A generous limit for one parse of a few KiB. A case that passes it is reported as a hang.</summary>
    public static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(5);

    /// <summary>Allocation allowed per input byte, on top of <see cref="AllocationAllowance"/>.</summary>
    private const long AllocationPerInputByte = 64;

    /// <summary>Fixed allocation allowed for buffers, in bytes: 1 MiB.</summary>
    private const long AllocationAllowance = 1024 * 1024;

    public static ParseOutcome Check(byte[] input, InputSource source, DicomReadOptions? options = null)
    {
        var parse = Task.Run(() => ParseAndUse(input, source, options ?? DicomReadOptions.Default));
        return parse.Wait(Watchdog) ? parse.Result : new ParseOutcome($"no result within {Watchdog.TotalSeconds} s (a hang) from {source}", null);
    }

    private static ParseOutcome ParseAndUse(byte[] input, InputSource source, DicomReadOptions options)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        DicomFile? file = null;
        DicomFormatException? rejection = null;
        try
        {
            file = Read(input, source, options);
        }
        catch (DicomFormatException exception)
        {
            rejection = exception;
        }
        catch (Exception exception)
        {
            return new ParseOutcome($"parse from {source} threw {exception.GetType().Name}: {exception.Message}{Environment.NewLine}{exception.StackTrace}", null);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var limit = (AllocationPerInputByte * input.Length) + AllocationAllowance;
        if (allocated > limit)
        {
            return new ParseOutcome($"parse from {source} allocated {allocated} bytes for {input.Length} input bytes; the limit is {limit}", rejection);
        }

        return new ParseOutcome(file is null ? null : Use(file), rejection);
    }

    private static DicomFile Read(byte[] input, InputSource source, DicomReadOptions options)
    {
        switch (source)
        {
            case InputSource.Memory:
                return DicomFile.Read(input, options);
            case InputSource.SeekableStream:
                using (var seekable = new MemoryStream(input, writable: false))
                {
                    return DicomFile.Read(seekable, options);
                }

            default:
                using (var stream = new NonSeekableStream(input))
                {
                    return DicomFile.Read(stream, options);
                }
        }
    }

    /// <summary>Decodes every value, then writes the data set and reads it back.</summary>
    private static string? Use(DicomFile file)
    {
        try
        {
            TouchValues(file.Dataset);
        }
        catch (DicomFormatException)
        {
        }
        catch (Exception exception)
        {
            return $"decoding a value threw {exception.GetType().Name}: {exception.Message}{Environment.NewLine}{exception.StackTrace}";
        }

        return RewriteAndCompare(file);
    }

    private static string? RewriteAndCompare(DicomFile file)
    {
        if (file.TransferSyntax.IsBigEndian)
        {
            file.TransferSyntax = DicomTransferSyntax.ExplicitVRLittleEndian;
        }

        try
        {
            var readBack = DicomFile.Read(file.ToBytes());

            // The writer leaves out group 0002 from a data set, because the meta information carries it.
            var expected = file.Dataset.Clone();
            expected.RemoveAll(element => element.Tag.Group == 0x0002);
            var difference = DatasetComparer.FindFirstDifference(expected, readBack.Dataset);
            return difference is null ? null : $"the rewritten data set reads back different: {difference}";
        }
        catch (Exception exception)
        {
            return $"rewriting in {file.TransferSyntax.Name} threw {exception.GetType().Name}: {exception.Message}{Environment.NewLine}{exception.StackTrace}";
        }
    }

    private static void TouchValues(DicomDataset dataset)
    {
        _ = dataset.CharacterSet;
        foreach (var element in dataset)
        {
            switch (element)
            {
                case DicomSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        TouchValues(item);
                    }

                    break;
                case DicomValueElement value:
                    TouchValue(dataset, value);
                    break;
            }
        }
    }

    private static void TouchValue(DicomDataset dataset, DicomValueElement element)
    {
        var tag = element.Tag;
        if (element.VR.Kind == DicomVRKind.Text)
        {
            _ = dataset.GetString(tag);
            _ = dataset.GetStrings(tag);
            _ = dataset.TryGetDouble(tag, out _);
            _ = dataset.TryGetInt64(tag, out _);
            return;
        }

        if (element.VR.Kind != DicomVRKind.Number)
        {
            return;
        }

        _ = dataset.TryGetInt64(tag, out _);
        _ = dataset.TryGetDouble(tag, out _);
        _ = element.VR == DicomVR.AT ? dataset.GetTags(tag).Length : element.VR.UnitSize switch
        {
            2 => dataset.GetValues<ushort>(tag).Length,
            4 => dataset.GetValues<uint>(tag).Length,
            _ => dataset.GetValues<ulong>(tag).Length,
        };
    }
}
