namespace Node.Host.Configuration;

/// <summary>A calling AE title the node accepts associations from.</summary>
public sealed class AllowedCallerOptions
{
    /// <summary>The calling AE title, 1 to 16 characters.</summary>
    public string AeTitle { get; set; } = string.Empty;

    /// <summary>IP addresses the title may call from; empty allows any address.</summary>
    public List<string> Addresses { get; set; } = [];
}
