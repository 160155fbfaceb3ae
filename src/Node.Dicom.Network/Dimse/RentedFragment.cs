namespace Node.Dicom.Network.Dimse;

/// <summary>A fragment's bytes: the first <paramref name="Length"/> bytes of an array rented from the shared pool.</summary>
internal readonly record struct RentedFragment(byte[] Array, int Length);
