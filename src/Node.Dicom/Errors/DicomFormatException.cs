using Node.Dicom.Tags;

namespace Node.Dicom.Errors;

/// <summary>
/// Malformed DICOM input: a data set, file meta information or pixel data that breaks the
/// encoding rules of PS3.5 or PS3.10. Carries the byte offset and the tag where the fault was
/// found, when they are known.
/// </summary>
public class DicomFormatException : Exception
{
    public DicomFormatException(string reason, long? offset = null, DicomTag? tag = null, Exception? innerException = null)
        : this("Malformed DICOM: ", reason, offset, tag, innerException)
    {
    }

    /// <summary>Lets a subtype open the message with its own words in place of "Malformed DICOM: ".</summary>
    protected DicomFormatException(string messagePrefix, string reason, long? offset, DicomTag? tag, Exception? innerException)
        : base(messagePrefix + FormatMessage(reason, offset, tag), innerException)
    {
        Reason = reason;
        Offset = offset;
        Tag = tag;
    }

    /// <summary>The fault without the position, for example "value length 4294967294 exceeds the 12 bytes that remain".</summary>
    public string Reason { get; }

    /// <summary>Byte offset from the start of the input where the faulty element or field starts.</summary>
    public long? Offset { get; }

    /// <summary>The tag of the element being read, when the fault lies inside an element.</summary>
    public DicomTag? Tag { get; }

    private static string FormatMessage(string reason, long? offset, DicomTag? tag)
    {
        var where = (offset, tag) switch
        {
            ({ } o, { } t) => $" (tag {t}, offset {o})",
            ({ } o, null) => $" (offset {o})",
            (null, { } t) => $" (tag {t})",
            _ => string.Empty,
        };
        return reason + where;
    }
}
