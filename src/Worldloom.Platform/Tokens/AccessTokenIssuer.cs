using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Worldloom.Platform.Keys;

using Worldloom.Platform.Hosting;

namespace Worldloom.Platform.Tokens;

/// <summary>Issues EdDSA-signed JWT access tokens with the key store's current key, and builds the validation parameters that accept them.</summary>
public sealed class AccessTokenIssuer(IKeyStore keys, IOptions<TokenOptions> options, LoomClock clock)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    // Verification keys by key id, built once rather than per request: each carries its own crypto provider factory
    // and its imported NSec key. A key id is the thumbprint of the key, but an entry is still checked against the
    // store's bytes before use, so the store stays the one authority on which keys verify.
    private readonly ConcurrentDictionary<string, Ed25519SecurityKey> _verificationKeys = new(StringComparer.Ordinal);

    /// <summary>Creates a signed access token for a user. Returns the token and its lifetime in seconds.</summary>
    public (string Token, int ExpiresIn) Issue(Guid userId, string email, string role, string tier)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = options.Value.AccessTokenLifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, userId.ToString()),
                new Claim(JwtRegisteredClaimNames.Email, email),
                new Claim(LoomClaims.Role, role),
                new Claim(LoomClaims.Tier, tier),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(new Ed25519SecurityKey(keys.Current, keys), Ed25519SecurityKey.Algorithm),
        };
        return (_handler.CreateToken(descriptor), (int)lifetime.TotalSeconds);
    }

    /// <summary>
    /// Checks an access token presented outside ASP.NET's bearer authentication (a WebSocket's <c>auth</c> frame, an upgrade
    /// served below HTTP) with the parameters that authentication uses.
    /// </summary>
    public Task<TokenValidationResult> ValidateAsync(string token) => _handler.ValidateTokenAsync(token, ValidationParameters());

    /// <summary>Validation that accepts only EdDSA tokens signed by one of the store's keys, unexpired, for this issuer.</summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = options.Value.Issuer,
        ValidAudience = options.Value.Issuer,
        ValidAlgorithms = [Ed25519SecurityKey.Algorithm],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        // IdentityModel reads the system clock; this reads LoomClock so lifetimes follow one clock.
        LifetimeValidator = (notBefore, expires, _, p) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return expires is { } exp && exp > now - p.ClockSkew && (notBefore is not { } nbf || nbf <= now + p.ClockSkew);
        },
        NameClaimType = JwtRegisteredClaimNames.Sub,
        RoleClaimType = LoomClaims.Role,
        // OKP keys are invisible to IdentityModel's JWKS helpers, so keys are resolved here by kid.
        IssuerSigningKeyResolver = (_, _, kid, _) => keys.PublicKeys
            .Where(k => kid is null || k.KeyId == kid)
            .Select(k => (SecurityKey)VerificationKey(k)),
    };

    private Ed25519SecurityKey VerificationKey(PublicSigningKey key)
    {
        if (_verificationKeys.TryGetValue(key.KeyId, out var cached) && cached.Public.PublicKey.AsSpan().SequenceEqual(key.PublicKey))
        {
            return cached;
        }

        var built = new Ed25519SecurityKey(key);
        _verificationKeys[key.KeyId] = built;
        return built;
    }
}
