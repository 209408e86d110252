namespace Worldloom.Cli.Bench;

/// <summary>The ChaCha20 measurements of one <c>loom bench forge</c> run; throughputs are per run, summarised by best and median.</summary>
/// <param name="VectorBits">The widest vectors <c>ChaCha20.Blocks</c> uses on this machine (0: scalar only).</param>
/// <param name="OursGiBs">Our keystream, GiB/s per run.</param>
/// <param name="OpenSslGiBs">OpenSSL's ChaCha20-Poly1305 encrypting zeros (keystream plus a Poly1305 tag per chunk), GiB/s per run.</param>
/// <param name="RngMValuesPerS">Millions of <c>ChaChaRng.NextUInt32</c> values per second, per run.</param>
/// <param name="MatchesOpenSsl">Whether our keystream equals OpenSSL's ciphertext of zeros for the same key and nonce (counter 1).</param>
/// <param name="OpenSslVersion">The OpenSSL library .NET loaded, e.g. <c>3.0.15</c>; null where it cannot tell.</param>
internal sealed record ChaChaResult(
    int VectorBits,
    IReadOnlyList<double> OursGiBs,
    IReadOnlyList<double> OpenSslGiBs,
    IReadOnlyList<double> RngMValuesPerS,
    bool MatchesOpenSsl,
    string? OpenSslVersion);
