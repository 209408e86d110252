namespace Worldloom.Forge.Exports;

/// <summary>A ready export's bundle, as its manifest summarises it.</summary>
/// <param name="Sha256">SHA-256 of the ZIP.</param>
/// <param name="Size">Size of the ZIP in bytes.</param>
/// <param name="KeyId">The key that signed the manifest (RFC 7638 thumbprint, as in the JWKS).</param>
/// <param name="Files">Files listed in the manifest.</param>
/// <param name="FileName">The name the download is offered under.</param>
public sealed record ExportBundleView(string Sha256, long Size, string KeyId, int Files, string FileName);
