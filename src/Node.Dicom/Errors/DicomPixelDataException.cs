using Node.Dicom.Tags;

namespace Node.Dicom.Errors;

/// <summary>
/// Pixel data that cannot be decoded: attributes that contradict each other or the length of
/// the pixel data, or a compressed transfer syntax that this library does not decode.
/// </summary>
public class DicomPixelDataException : DicomFormatException
{
    public DicomPixelDataException(string reason, DicomTag? tag = null, Exception? innerException = null)
        : base("Cannot decode pixel data: ", reason, null, tag, innerException)
    {
    }
}
