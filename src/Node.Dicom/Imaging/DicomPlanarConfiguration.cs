namespace Node.Dicom.Imaging;

/// <summary>Planar Configuration (0028,0006): the order of the samples of colour pixels (PS3.3 C.7.6.3.1.3).</summary>
public enum DicomPlanarConfiguration
{
    /// <summary>Value 0: the samples of each pixel together, R1 G1 B1 R2 G2 B2 and so on.</summary>
    Interleaved = 0,

    /// <summary>Value 1: one plane per sample in each frame, all R, then all G, then all B.</summary>
    Planar = 1,
}
