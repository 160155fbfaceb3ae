using Node.Dicom.Data;
using Node.Dicom.Errors;
using Node.Dicom.IO;
using Node.Dicom.Tags;
using Node.Dicom.Uids;
using static Node.Dicom.Imaging.ImagePixelAttributeNames;

namespace Node.Dicom.Imaging;

/// <summary>Chooses the frame source for a transfer syntax and checks that the pixel data fits it.</summary>
internal static class FrameSourceFactory
{
    /// <summary>Returns whether this library decodes pixel data of <paramref name="syntax"/>.</summary>
    public static bool IsSupported(DicomTransferSyntax syntax) =>
        !syntax.IsEncapsulated
        || syntax.Equals(DicomTransferSyntax.RLELossless)
        || syntax.Equals(DicomTransferSyntax.EncapsulatedUncompressedExplicitVRLittleEndian);

    public static void CheckSupported(DicomTransferSyntax syntax)
    {
        if (!IsSupported(syntax))
        {
            throw new DicomPixelDataException($"cannot decode {syntax}: no decoder for this compressed transfer syntax", DicomTags.PixelData);
        }
    }

    /// <summary>Checks that the data set has Pixel Data, naming the float variants this library does not decode.</summary>
    public static void CheckPresent(DicomDataset dataset)
    {
        if (dataset.Contains(DicomTags.PixelData))
        {
            return;
        }

        var floatTag = dataset.Contains(DicomTags.FloatPixelData) ? DicomTags.FloatPixelData
            : dataset.Contains(DicomTags.DoubleFloatPixelData) ? DicomTags.DoubleFloatPixelData
            : (DicomTag?)null;
        var reason = floatTag is { } tag
            ? $"{Describe(DicomTags.PixelData)} is missing, and this library does not decode the {Describe(tag)} present instead"
            : $"{Describe(DicomTags.PixelData)} is missing";
        throw new DicomPixelDataException(reason, DicomTags.PixelData);
    }

    public static FrameSource Create(DicomDataset dataset, DicomTransferSyntax syntax, ImagePixelModule module)
    {
        CheckPhotometricInterpretation(syntax, module);
        var element = dataset.GetElement(DicomTags.PixelData)!;
        if (!syntax.IsEncapsulated)
        {
            var native = element as DicomValueElement
                ?? throw new DicomPixelDataException($"{Describe(DicomTags.PixelData)} is encapsulated, but {syntax} stores it native", DicomTags.PixelData);
            return new NativeFrameSource(ToLittleEndianCells(native, syntax, module), module);
        }

        var fragments = element as DicomFragmentSequence
            ?? throw new DicomPixelDataException($"{Describe(DicomTags.PixelData)} is native, but {syntax} requires encapsulated fragments", DicomTags.PixelData);
        var ranges = EncapsulatedFrameTable.Build(dataset, fragments, module.FrameCount);
        if (syntax.Equals(DicomTransferSyntax.RLELossless))
        {
            CheckRleAttributes(syntax, module);
            return new RleFrameSource(fragments, ranges, module);
        }

        return new UncompressedFragmentFrameSource(fragments, ranges, module);
    }

    /// <summary>Rejects the terms that describe only the output of a JPEG or JPEG 2000 codec.</summary>
    private static void CheckPhotometricInterpretation(DicomTransferSyntax syntax, ImagePixelModule module)
    {
        if (module.PhotometricInterpretation is DicomPhotometricInterpretation.YbrPartial420 or DicomPhotometricInterpretation.YbrIct or DicomPhotometricInterpretation.YbrRct)
        {
            var term = PhotometricInterpretationTerms.ToTerm(module.PhotometricInterpretation);
            throw new DicomPixelDataException(
                $"{Describe(DicomTags.PhotometricInterpretation)} {term} describes JPEG or JPEG 2000 compressed data and is invalid with {syntax}",
                DicomTags.PhotometricInterpretation);
        }
    }

    private static void CheckRleAttributes(DicomTransferSyntax syntax, ImagePixelModule module)
    {
        if (module.BitsAllocated == 1)
        {
            throw new DicomPixelDataException($"{Describe(DicomTags.BitsAllocated)} 1 is not supported with {syntax}", DicomTags.BitsAllocated);
        }

        if (module.IsSubsampled)
        {
            var term = PhotometricInterpretationTerms.ToTerm(module.PhotometricInterpretation);
            throw new DicomPixelDataException(
                $"{Describe(DicomTags.PhotometricInterpretation)} {term} is invalid with {syntax}, whose segments contain every sample of every pixel",
                DicomTags.PhotometricInterpretation);
        }
    }

    /// <summary>
    /// Returns the Pixel Data value with each cell of Bits Allocated in little-endian order. The
    /// Explicit VR Big Endian reader has already swapped each number of the element's VR, words
    /// for OW. That is right unless the VR's unit differs from the cell size, as for 32-bit cells
    /// in OW. Then the reader's swap is undone and each cell is swapped whole.
    /// </summary>
    private static ReadOnlyMemory<byte> ToLittleEndianCells(DicomValueElement pixelData, DicomTransferSyntax syntax, ImagePixelModule module)
    {
        var cellSize = module.BitsAllocated / 8;
        var swappedUnit = pixelData.VR.UnitSize;
        if (!syntax.IsBigEndian || module.BitsAllocated < 16 || swappedUnit == cellSize)
        {
            return pixelData.Value;
        }

        var asStored = swappedUnit > 1 ? ByteOrder.SwapToLittleEndian(pixelData.Value.Span, swappedUnit) : pixelData.Value.ToArray();
        return ByteOrder.SwapToLittleEndian(asStored, cellSize);
    }
}
