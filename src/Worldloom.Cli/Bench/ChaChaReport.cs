using System.Text.Json.Serialization;

namespace Worldloom.Cli.Bench;

/// <summary>The ChaCha20 part of the JSON summary of <c>loom bench forge</c>.</summary>
internal sealed record ChaChaReport
{
    /// <summary>Vector width of our block function's widest path on this machine (0: scalar).</summary>
    public required int VectorBits { get; init; }

    /// <summary>Keystream per measurement.</summary>
    public required int Mib { get; init; }

    /// <summary>Bytes per call, ours and OpenSSL's alike.</summary>
    public required int ChunkBytes { get; init; }

    /// <summary>Our keystream, best run.</summary>
    [JsonPropertyName("ours_gib_s_best")]
    public required double OursGibSBest { get; init; }

    /// <summary>Our keystream, median run.</summary>
    [JsonPropertyName("ours_gib_s_median")]
    public required double OursGibSMedian { get; init; }

    /// <summary>OpenSSL's ChaCha20-Poly1305 on zeros (keystream plus a Poly1305 tag per chunk), best run.</summary>
    [JsonPropertyName("openssl_gib_s_best")]
    public required double OpenSslGibSBest { get; init; }

    /// <summary>OpenSSL's, median run.</summary>
    [JsonPropertyName("openssl_gib_s_median")]
    public required double OpenSslGibSMedian { get; init; }

    /// <summary>Our best over OpenSSL's best.</summary>
    [JsonPropertyName("ours_vs_openssl")]
    public required double OursVsOpenSsl { get; init; }

    /// <summary>What OpenSSL's figure includes beyond the keystream.</summary>
    [JsonPropertyName("openssl_includes")]
    public string OpenSslIncludes { get; init; } = "poly1305";

    /// <summary>The OpenSSL library .NET loaded.</summary>
    [JsonPropertyName("openssl_version")]
    public string? OpenSslVersion { get; init; }

    /// <summary>Whether our keystream equals OpenSSL's ciphertext of zeros for the same key and nonce.</summary>
    [JsonPropertyName("matches_openssl")]
    public required bool MatchesOpenSsl { get; init; }

    /// <summary>Millions of ChaChaRng.NextUInt32 values per second, best run.</summary>
    [JsonPropertyName("rng_m_values_per_s_best")]
    public required double RngMValuesPerSBest { get; init; }

    /// <summary>The same, median run.</summary>
    [JsonPropertyName("rng_m_values_per_s_median")]
    public required double RngMValuesPerSMedian { get; init; }
}
