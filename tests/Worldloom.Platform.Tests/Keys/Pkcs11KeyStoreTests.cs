using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Net.Pkcs11Interop.Common;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Keys;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Platform.Tests.Keys;

[Collection(SoftHsmCollection.Name)]
public sealed class Pkcs11KeyStoreTests(SoftHsmFixture hsm)
{
    [Fact]
    public void EmptyToken_GetsOneKey_WhoseSignaturesVerify()
    {
        using var store = Open(hsm.NewToken());
        var key = Assert.Single(store.PublicKeys);

        var signature = store.Sign(key.KeyId, "hello"u8);

        Assert.Equal(key.KeyId, store.Current.KeyId);
        Assert.Equal(Ed25519Keys.Thumbprint(key.PublicKey), key.KeyId);
        Assert.Equal(64, signature.Length);
        Assert.True(Ed25519Keys.Verify(key.PublicKey, "hello"u8, signature));
        Assert.False(Ed25519Keys.Verify(key.PublicKey, "hellO"u8, signature));
    }

    [Fact]
    public void Rotate_KeepsOldKeys_AndPersistsAcrossReopen()
    {
        var token = hsm.NewToken();
        PublicSigningKey first, second, third;
        using (var store = Open(token))
        {
            first = store.Current;
            second = store.Rotate();
            third = store.Rotate();
            Assert.Equal(third.KeyId, store.Current.KeyId);
        }

        using var reopened = Open(token);

        Assert.Equal([first.KeyId, second.KeyId, third.KeyId], reopened.PublicKeys.Select(k => k.KeyId));
        Assert.Equal(third.KeyId, reopened.Current.KeyId);
        Assert.Equal(third.CreatedAt, reopened.Current.CreatedAt);
        Assert.True(Ed25519Keys.Verify(first.PublicKey, "x"u8, reopened.Sign(first.KeyId, "x"u8)));
        Assert.True(Ed25519Keys.Verify(third.PublicKey, "x"u8, reopened.Sign(third.KeyId, "x"u8)));
    }

    [Fact]
    public void TwoStoresOnOneToken_ShareTheModule_AndOutliveEachOther()
    {
        var token = hsm.NewToken();
        var first = Open(token);
        using var second = Open(token);

        first.Dispose();

        Assert.True(Ed25519Keys.Verify(second.Current.PublicKey, "x"u8, second.Sign(second.Current.KeyId, "x"u8)));
    }

    [Fact]
    public void PrivateKeys_AreSensitiveTokenObjects_ThatNeverLeaveTheToken()
    {
        var token = hsm.NewToken();
        using var store = Open(token);
        store.Rotate();

        SoftHsmFixture.WithSession(token, (session, factories) =>
        {
            var privateKeys = session.FindAllObjects([factories.ObjectAttributeFactory.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY)]);
            Assert.Equal(2, privateKeys.Count);
            foreach (var handle in privateKeys)
            {
                var values = session.GetAttributeValue(handle,
                    [CKA.CKA_EXTRACTABLE, CKA.CKA_SENSITIVE, CKA.CKA_NEVER_EXTRACTABLE, CKA.CKA_ALWAYS_SENSITIVE, CKA.CKA_TOKEN, CKA.CKA_VALUE]);
                Assert.False(values[0].GetValueAsBool());
                Assert.True(values[1].GetValueAsBool());
                Assert.True(values[2].GetValueAsBool());
                Assert.True(values[3].GetValueAsBool());
                Assert.True(values[4].GetValueAsBool());
                Assert.True(values[5].CannotBeRead);
            }
        });
    }

    [Fact]
    public void KeyIds_AreStoredInCkaId()
    {
        var token = hsm.NewToken();
        using var store = Open(token);

        SoftHsmFixture.WithSession(token, (session, factories) =>
        {
            var ids = session.FindAllObjects([factories.ObjectAttributeFactory.Create(CKA.CKA_TOKEN, true)])
                .Select(h => System.Text.Encoding.ASCII.GetString(session.GetAttributeValue(h, [CKA.CKA_ID])[0].GetValueAsByteArray()));
            Assert.Equal([store.Current.KeyId, store.Current.KeyId], ids);
        });
    }

    [Fact]
    public void Sign_AfterTheTokenDroppedTheSession_LogsInAgain()
    {
        var token = hsm.NewToken();
        using var store = Open(token);
        var key = store.Current;

        SoftHsmFixture.CloseAllSessions(token);

        Assert.True(Ed25519Keys.Verify(key.PublicKey, "x"u8, store.Sign(key.KeyId, "x"u8)));
    }

    [Fact]
    public void WrongPin_ThrowsAClearError_WithoutThePin()
    {
        var token = hsm.NewToken();

        var error = Assert.Throws<KeyStoreException>(() => new Pkcs11KeyStore(SoftHsmFixture.Library, token, "999999", TimeProvider.System));

        Assert.Contains($"'{token}' rejected the user PIN", error.Message);
        Assert.Contains("CKR_PIN_INCORRECT", error.Message);
        Assert.DoesNotContain("999999", error.Message);
    }

    [Fact]
    public void UnknownTokenLabel_ThrowsAClearError_ListingTheTokens()
    {
        var present = hsm.NewToken();

        var error = Assert.Throws<KeyStoreException>(() => new Pkcs11KeyStore(SoftHsmFixture.Library, "no-such-token", SoftHsmFixture.Pin, TimeProvider.System));

        Assert.Contains("No PKCS#11 token labelled 'no-such-token'", error.Message);
        Assert.Contains($"'{present}'", error.Message);
    }

    [Fact]
    public void MissingModule_ThrowsAClearError()
    {
        var error = Assert.Throws<KeyStoreException>(() => new Pkcs11KeyStore("/nonexistent/libpkcs11.so", "any", SoftHsmFixture.Pin, TimeProvider.System));

        Assert.Contains("PKCS#11 module not found at '/nonexistent/libpkcs11.so'", error.Message);
    }

    [Fact]
    public void Sign_UnknownKey_Throws()
    {
        using var store = Open(hsm.NewToken());

        Assert.Throws<KeyNotFoundException>(() => store.Sign("nope", "x"u8));
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Server_WithPkcs11Provider_SignsAccessTokensAndTheAuditChainOnTheToken()
    {
        var token = hsm.NewToken();
        Environment.SetEnvironmentVariable(KeyStoreOptions.PinEnvironmentVariable, SoftHsmFixture.Pin);
        try
        {
            await using var host = await LoomHost.StartAsync(b =>
            {
                b.Configuration["Loom:Keys:Provider"] = "pkcs11";
                b.Configuration["Loom:Keys:Pkcs11Library"] = SoftHsmFixture.Library;
                b.Configuration["Loom:Keys:Pkcs11TokenLabel"] = token;
            });
            var keys = host.Services.GetRequiredService<IKeyStore>();

            var user = await host.UserAsync();
            var me = await user.Client.GetAsync("/api/me");
            var verification = await host.Services.GetRequiredService<IAuditChain>().VerifyAsync();

            Assert.IsType<Pkcs11KeyStore>(keys);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            var kid = JsonDocument.Parse(Base64UrlEncoder.Decode(user.AccessToken.Split('.')[0])).RootElement.GetProperty("kid").GetString();
            Assert.Equal(keys.Current.KeyId, kid);
            Assert.True(verification.Ok, verification.Reason);
            Assert.Equal(2, verification.Count);
            Assert.False(Directory.Exists(Path.Combine(host.DataDir, "keys")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(KeyStoreOptions.PinEnvironmentVariable, null);
        }
    }

    private static Pkcs11KeyStore Open(string token) => new(SoftHsmFixture.Library, token, SoftHsmFixture.Pin, TimeProvider.System);
}
