namespace Node.Dicom.Imaging;

/// <summary>The fragments of encapsulated pixel data that hold one frame.</summary>
/// <param name="First">Index of the frame's first fragment, not counting the Basic Offset Table item.</param>
/// <param name="Count">Number of consecutive fragments that hold the frame.</param>
/// <param name="Length">Length of the frame's data from the Extended Offset Table Lengths, or null where not given.</param>
internal readonly record struct FragmentRange(int First, int Count, long? Length);
