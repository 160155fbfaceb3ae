using System.Security.Cryptography.X509Certificates;

namespace Node.Host.Tls;

/// <summary>A certificate with its private key, and the intermediate CAs that follow it in its PEM file, to present in a TLS handshake.</summary>
/// <param name="Certificate">The first certificate of the file, with the key.</param>
/// <param name="Issuers">The certificates after the first, sent with it so a peer that trusts only the root can build the chain; empty where the file has one certificate.</param>
public sealed record TlsIdentity(X509Certificate2 Certificate, X509Certificate2Collection Issuers);
