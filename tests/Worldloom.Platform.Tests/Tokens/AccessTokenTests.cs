using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;
using Worldloom.Platform.Keys;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Platform.Tests.Tokens;

[Trait("Category", "Integration")]
public sealed class AccessTokenTests
{
    [Fact]
    public async Task AccessToken_IsEdDsaJwtWithKidFromJwks()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();

        var header = JsonDocument.Parse(Base64UrlEncoder.Decode(user.AccessToken.Split('.')[0])).RootElement;
        var jwks = await host.Client().GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");

        Assert.Equal("EdDSA", header.GetProperty("alg").GetString());
        var key = jwks.GetProperty("keys")[0];
        Assert.Equal("OKP", key.GetProperty("kty").GetString());
        Assert.Equal("Ed25519", key.GetProperty("crv").GetString());
        Assert.Equal(header.GetProperty("kid").GetString(), key.GetProperty("kid").GetString());
        Assert.Equal(Ed25519Keys.Thumbprint(Base64UrlEncoder.DecodeBytes(key.GetProperty("x").GetString())), key.GetProperty("kid").GetString());
    }

    [Fact]
    public async Task AlgNone_Refused()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var token = Encode(new { alg = "none", typ = "JWT" }) + "." + Payload(host, user, "admin") + ".";

        await ProblemJson.AssertAsync(await host.Client(token).GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Hs256SignedWithThePublicKey_Refused()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var key = host.Services.GetRequiredService<IKeyStore>().Current;
        var signingInput = Encode(new { alg = "HS256", typ = "JWT", kid = key.KeyId }) + "." + Payload(host, user, "user");

        foreach (var secret in new[] { key.PublicKey, Encoding.ASCII.GetBytes(Base64UrlEncoder.Encode(key.PublicKey)) })
        {
            var token = signingInput + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)));
            await ProblemJson.AssertAsync(await host.Client(token).GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task SignedWithAnotherKey_Refused()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var kid = host.Services.GetRequiredService<IKeyStore>().Current.KeyId;
        using var attacker = Key.Create(SignatureAlgorithm.Ed25519);
        var signingInput = Encode(new { alg = "EdDSA", typ = "JWT", kid }) + "." + Payload(host, user, "user");
        var token = signingInput + "." + Base64UrlEncoder.Encode(SignatureAlgorithm.Ed25519.Sign(attacker, Encoding.ASCII.GetBytes(signingInput)));

        await ProblemJson.AssertAsync(await host.Client(token).GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TamperedPayload_Refused()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var parts = user.AccessToken.Split('.');
        var forged = parts[0] + "." + Payload(host, user, "admin") + "." + parts[2];

        await ProblemJson.AssertAsync(await host.Client(forged).GetAsync("/api/admin/users"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Expired_Refused()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/me")).StatusCode);

        host.Clock.Advance(TimeSpan.FromMinutes(16));

        var problem = await ProblemJson.AssertAsync(await user.Client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        Assert.Contains("expired", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task KeyRotation_OldTokensStillVerify_NewTokensUseNewKey()
    {
        await using var host = await LoomHost.StartAsync();
        var before = await host.UserAsync();
        var keys = host.Services.GetRequiredService<IKeyStore>();
        var oldKid = keys.Current.KeyId;

        var rotated = keys.Rotate();
        var after = await host.UserAsync();

        Assert.NotEqual(oldKid, rotated.KeyId);
        Assert.Equal(HttpStatusCode.OK, (await before.Client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await after.Client.GetAsync("/api/me")).StatusCode);
        var kid = JsonDocument.Parse(Base64UrlEncoder.Decode(after.AccessToken.Split('.')[0])).RootElement.GetProperty("kid").GetString();
        Assert.Equal(rotated.KeyId, kid);
        var jwks = await host.Client().GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");
        Assert.Equal(2, jwks.GetProperty("keys").GetArrayLength());
    }

    private static string Payload(LoomHost host, TestUser user, string role)
    {
        var now = host.Clock.GetUtcNow().ToUnixTimeSeconds();
        return Encode(new { iss = "worldloom", aud = "worldloom", sub = user.Id.ToString(), role, tier = "lifetime", iat = now, nbf = now, exp = now + 600 });
    }

    private static string Encode(object value) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(value));
}
