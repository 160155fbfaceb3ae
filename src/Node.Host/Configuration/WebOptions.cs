namespace Node.Host.Configuration;

/// <summary>Settings of the node's web endpoint (health now, the dashboard later), configuration section "Web".</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>Whether the node serves HTTP at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The address Kestrel listens on, an http:// URL with host and port. Default http://127.0.0.1:8080.</summary>
    public string Url { get; set; } = DefaultUrl;

    /// <summary>Returns one message per invalid setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/")
        {
            errors.Add($"{SectionName}:{nameof(Url)} = \"{Url}\" is invalid; expected an http URL with host and port only, such as {DefaultUrl}.");
        }

        return errors;
    }
}
