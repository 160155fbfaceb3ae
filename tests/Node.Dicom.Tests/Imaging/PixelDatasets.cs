using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Dicom.Vr;

namespace Node.Dicom.Tests.Imaging;

/// <summary>
/// Builds image data sets for the pixel data tests. Every attribute is set with an explicit VR,
/// so the tests do not depend on the data dictionary.
/// </summary>
internal static class PixelDatasets
{
    /// <summary>Returns the Image Pixel attributes without Pixel Data; pass signed for Pixel Representation 1.</summary>
    public static DicomDataset Attributes(
        int rows,
        int columns,
        int bitsAllocated,
        int? bitsStored = null,
        int? highBit = null,
        bool signed = false,
        string photometric = "MONOCHROME2",
        int? planarConfiguration = null,
        int? frames = null)
    {
        var stored = bitsStored ?? bitsAllocated;
        var dataset = new DicomDataset();
        var samples = photometric is "MONOCHROME1" or "MONOCHROME2" or "PALETTE COLOR" ? 1 : 3;
        dataset.SetValues<ushort>(DicomTags.SamplesPerPixel, DicomVR.US, (ushort)samples);
        dataset.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, photometric);
        dataset.SetValues<ushort>(DicomTags.Rows, DicomVR.US, (ushort)rows);
        dataset.SetValues<ushort>(DicomTags.Columns, DicomVR.US, (ushort)columns);
        dataset.SetValues<ushort>(DicomTags.BitsAllocated, DicomVR.US, (ushort)bitsAllocated);
        dataset.SetValues<ushort>(DicomTags.BitsStored, DicomVR.US, (ushort)stored);
        dataset.SetValues<ushort>(DicomTags.HighBit, DicomVR.US, (ushort)(highBit ?? (stored - 1)));
        dataset.SetValues<ushort>(DicomTags.PixelRepresentation, DicomVR.US, signed ? (ushort)1 : (ushort)0);
        if (samples > 1 || planarConfiguration.HasValue)
        {
            dataset.SetValues<ushort>(DicomTags.PlanarConfiguration, DicomVR.US, (ushort)(planarConfiguration ?? 0));
        }

        if (frames.HasValue)
        {
            dataset.SetString(DicomTags.NumberOfFrames, DicomVR.IS, frames.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return dataset;
    }

    /// <summary>Sets native Pixel Data from raw little-endian bytes, as OB for 8 bits and less, else as OW.</summary>
    public static DicomDataset WithNativePixels(this DicomDataset dataset, byte[] pixelData, DicomVR? vr = null)
    {
        var bitsAllocated = dataset.GetValues<ushort>(DicomTags.BitsAllocated)[0];
        dataset.SetBytes(DicomTags.PixelData, vr ?? (bitsAllocated > 8 ? DicomVR.OW : DicomVR.OB), pixelData);
        return dataset;
    }

    /// <summary>Sets encapsulated Pixel Data from a Basic Offset Table and fragments.</summary>
    public static DicomDataset WithFragments(this DicomDataset dataset, byte[] basicOffsetTable, params byte[][] fragments)
    {
        dataset.Set(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, basicOffsetTable, fragments.Select(fragment => (ReadOnlyMemory<byte>)fragment)));
        return dataset;
    }

    /// <summary>Returns 16-bit values as little-endian bytes.</summary>
    public static byte[] Words(params ushort[] values) => [.. values.SelectMany(BitConverter.GetBytes)];

    /// <summary>Returns 32-bit offsets as a little-endian Basic Offset Table.</summary>
    public static byte[] OffsetTable(params uint[] offsets) => [.. offsets.SelectMany(BitConverter.GetBytes)];
}
