namespace Node.Host.Tls;

/// <summary>A certificate or key file for TLS that is missing or does not load.</summary>
public sealed class TlsFileException : Exception
{
    public TlsFileException(string setting, string path, string reason, Exception? innerException = null)
        : base($"cannot read {setting} \"{path}\": {reason}", innerException)
    {
        Setting = setting;
        Path = path;
        Reason = reason;
    }

    /// <summary>The setting or option that named the file, such as <c>Dicom:Tls:CertificateFile</c> or <c>--tls-cert</c>.</summary>
    public string Setting { get; }

    public string Path { get; }

    public string Reason { get; }
}
