using System.Net;

namespace Node.Dicom.Network.Association;

/// <summary>A calling AE title the server accepts, optionally only from the given host addresses.</summary>
/// <param name="AeTitle">The calling AE title, compared after trimming spaces, case-sensitive as PS3.5 defines AE.</param>
/// <param name="Addresses">Host addresses the title may call from; null or empty allows any address.</param>
public sealed record DicomAllowedPeer(string AeTitle, IReadOnlyList<IPAddress>? Addresses = null)
{
    public bool Matches(string callingAeTitle, IPAddress? address)
    {
        if (!string.Equals(AeTitle.Trim(' '), callingAeTitle, StringComparison.Ordinal))
        {
            return false;
        }

        if (Addresses is null || Addresses.Count == 0)
        {
            return true;
        }

        return address is not null && Addresses.Any(allowed => allowed.Equals(Normalize(address)) || allowed.Equals(address));
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
