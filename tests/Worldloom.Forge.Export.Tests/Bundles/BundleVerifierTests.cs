using System.IO.Compression;
using Worldloom.Forge.Export.Bundles;

namespace Worldloom.Forge.Export.Tests.Bundles;

public sealed class BundleVerifierTests
{
    private static readonly TestSigner Signer = new();

    private static byte[] Bundle() => BundleFixture.Write(Signer);

    [Fact]
    public void AnUntouchedBundleIsValidAndNamesItsKey()
    {
        var result = BundleFixture.Verify(Bundle());
        Assert.True(result.Valid, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal(Signer.KeyId, result.KeyId);
    }

    [Fact]
    public void ATrustedKeyMustMatch()
    {
        using var other = new TestSigner(9);
        Assert.True(BundleFixture.Verify(Bundle(), [Signer.PublicKey.ToArray()]).Valid);
        var result = BundleFixture.Verify(Bundle(), [other.PublicKey.ToArray()]);
        Assert.False(result.Valid);
        Assert.Equal(BundleProblemKind.UntrustedKey, Assert.Single(result.Problems).Kind);
    }

    [Fact]
    public void EveryFlippedByteInsideAFileIsCaught()
    {
        var zip = Bundle();
        // json/height.png is stored, so its bytes sit in the ZIP as they are: flip each in turn.
        var png = BundleFixture.Files.Single(f => f.Path == "json/height.png").Content;
        var at = IndexOf(zip, png);
        Assert.True(at > 0);
        for (var i = 0; i < png.Length; i += 37)
        {
            var tampered = (byte[])zip.Clone();
            tampered[at + i] ^= 0x01;
            var result = BundleFixture.Verify(tampered);
            Assert.False(result.Valid);
            Assert.Contains(result.Problems, p => p.Kind == BundleProblemKind.Changed && p.Path == "json/height.png");
        }
    }

    [Fact]
    public void AChangedFileIsNamed()
    {
        var tampered = BundleFixture.Edit(Bundle(), a => BundleFixture.Replace(a, "tiled/world.tmx", "<map/>"u8.ToArray()));
        var problem = Assert.Single(BundleFixture.Verify(tampered).Problems);
        Assert.Equal(BundleProblemKind.Changed, problem.Kind);
        Assert.Equal("changed: tiled/world.tmx", problem.Message);
    }

    [Fact]
    public void AnAddedFileIsNamed()
    {
        var tampered = BundleFixture.Edit(Bundle(), a => BundleFixture.Add(a, "tiled/extra.lua", "os.execute('x')"u8.ToArray()));
        var problem = Assert.Single(BundleFixture.Verify(tampered).Problems);
        Assert.Equal(BundleProblemKind.Added, problem.Kind);
        Assert.Equal("added: tiled/extra.lua", problem.Message);
    }

    [Fact]
    public void ARemovedFileIsNamed()
    {
        var tampered = BundleFixture.Edit(Bundle(), a => a.GetEntry("json/world.json")!.Delete());
        var problem = Assert.Single(BundleFixture.Verify(tampered).Problems);
        Assert.Equal(BundleProblemKind.Missing, problem.Kind);
        Assert.Equal("missing: json/world.json", problem.Message);
    }

    [Fact]
    public void ASignatureFromAnotherKeyOrAnotherManifestIsBad()
    {
        using var other = new TestSigner(9);
        var foreign = BundleFixture.Read(BundleFixture.Write(other), "manifest.sig");
        var swapped = BundleFixture.Edit(Bundle(), a => BundleFixture.Replace(a, "manifest.sig", foreign));
        Assert.Equal(BundleProblemKind.Signature, Assert.Single(BundleFixture.Verify(swapped).Problems).Kind);

        // The same key's signature of a different manifest does not fit either.
        var otherFiles = BundleFixture.Write(Signer, [new BundleFile("json/world.json", [1])]);
        var replayed = BundleFixture.Edit(Bundle(), a => BundleFixture.Replace(a, "manifest.sig", BundleFixture.Read(otherFiles, "manifest.sig")));
        Assert.Equal(BundleProblemKind.Signature, Assert.Single(BundleFixture.Verify(replayed).Problems).Kind);
    }

    [Fact]
    public void AManifestEditedToMatchATamperedFileBreaksTheSignature()
    {
        var zip = Bundle();
        var manifest = BundleManifest.Parse(BundleFixture.Read(zip, "manifest.json"));
        var content = "<map/>"u8.ToArray();
        var edited = manifest with
        {
            Files = [.. manifest.Files.Select(f => f.Path == "tiled/world.tmx"
                ? f with { Size = content.Length, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)) }
                : f)],
        };
        var tampered = BundleFixture.Edit(zip, a =>
        {
            BundleFixture.Replace(a, "tiled/world.tmx", content);
            BundleFixture.Replace(a, "manifest.json", edited.ToCanonicalJson());
        });
        var problem = Assert.Single(BundleFixture.Verify(tampered).Problems);
        Assert.Equal(BundleProblemKind.Signature, problem.Kind);
    }

    [Fact]
    public void AManifestWithSomeoneElsesKeyAndSignatureIsCaughtOnlyByTrust()
    {
        // A forger re-signs everything with their own key: the bundle is consistent, so only a trusted key catches it.
        using var forger = new TestSigner(9);
        var forged = BundleFixture.Write(forger);
        Assert.True(BundleFixture.Verify(forged).Valid);
        Assert.Equal(BundleProblemKind.UntrustedKey, Assert.Single(BundleFixture.Verify(forged, [Signer.PublicKey.ToArray()]).Problems).Kind);
    }

    [Fact]
    public void AKeyIdThatIsNotTheKeysThumbprintIsBad()
    {
        var zip = Bundle();
        var manifest = BundleManifest.Parse(BundleFixture.Read(zip, "manifest.json")) with { KeyId = "someone-else" };
        var bytes = manifest.ToCanonicalJson();
        var tampered = BundleFixture.Edit(zip, a =>
        {
            BundleFixture.Replace(a, "manifest.json", bytes);
            BundleFixture.Replace(a, "manifest.sig", Signer.Sign(bytes));
        });
        var problem = Assert.Single(BundleFixture.Verify(tampered).Problems);
        Assert.Equal(BundleProblemKind.Signature, problem.Kind);
        Assert.Contains("someone-else", problem.Message);
    }

    [Fact]
    public void AMissingSignatureIsReported()
    {
        var tampered = BundleFixture.Edit(Bundle(), a => a.GetEntry("manifest.sig")!.Delete());
        var problem = Assert.Single(BundleFixture.Verify(tampered).Problems);
        Assert.Equal(BundleProblemKind.Signature, problem.Kind);
        Assert.Contains("not signed", problem.Message);
    }

    [Theory]
    [InlineData("../evil.sh")]
    [InlineData("json/../../evil.sh")]
    [InlineData("/tmp/evil.sh")]
    [InlineData("..\\evil.sh")]
    [InlineData("C:/Windows/evil.dll")]
    public void ZipSlipPathsAreRefusedBeforeAnythingIsUnpacked(string path)
    {
        var tampered = BundleFixture.Edit(Bundle(), a => BundleFixture.Add(a, path, [1, 2, 3]));
        var problem = Assert.Single(BundleFixture.Verify(tampered).Problems);
        Assert.Equal(BundleProblemKind.Unsafe, problem.Kind);
        Assert.Contains("unsafe path", problem.Message);
    }

    [Fact]
    public void AZipBombIsRefused()
    {
        var bomb = new byte[8 << 20];
        var tampered = BundleFixture.Edit(Bundle(), a => BundleFixture.Add(a, "json/zeros.bin", bomb, CompressionLevel.SmallestSize));
        var problem = Assert.Single(BundleFixture.Verify(tampered).Problems);
        Assert.Equal(BundleProblemKind.Unsafe, problem.Kind);
        Assert.Contains("zip bomb", problem.Message);
    }

    [Fact]
    public void OversizedEntriesAndTooManyEntriesAreRefused()
    {
        var zip = Bundle();
        var big = BundleFixture.Verify(zip, limits: new BundleLimits { MaxEntryBytes = 1000 });
        Assert.Contains("over the 1000-byte limit", Assert.Single(big.Problems).Message);
        var many = BundleFixture.Verify(zip, limits: new BundleLimits { MaxEntries = 3 });
        Assert.Contains("entries", Assert.Single(many.Problems).Message);
        var total = BundleFixture.Verify(zip, limits: new BundleLimits { MaxTotalBytes = 2000 });
        Assert.Equal(BundleProblemKind.Unsafe, Assert.Single(total.Problems).Kind);
    }

    [Fact]
    public void RepeatedEntriesAreRefused()
    {
        var tampered = BundleFixture.Edit(Bundle(), a => BundleFixture.Add(a, "json/world.json", "{}"u8.ToArray()));
        var problem = Assert.Single(BundleFixture.Verify(tampered).Problems);
        Assert.Equal(BundleProblemKind.Unsafe, problem.Kind);
        Assert.Contains("more than once", problem.Message);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3, 4 })]
    [InlineData(new byte[] { 0x50, 0x4b, 0x05, 0x06 })]
    public void NotAZipIsMalformed(byte[] bytes)
    {
        var problem = Assert.Single(BundleFixture.Verify(bytes).Problems);
        Assert.Equal(BundleProblemKind.Malformed, problem.Kind);
    }

    [Fact]
    public void AZipWithoutManifestOrWithAnUnreadableOneIsMalformed()
    {
        var none = BundleFixture.Edit(Bundle(), a => a.GetEntry("manifest.json")!.Delete());
        Assert.Contains("manifest.json is missing", Assert.Single(BundleFixture.Verify(none).Problems).Message);
        var garbled = BundleFixture.Edit(Bundle(), a => BundleFixture.Replace(a, "manifest.json", "{\"format\":\"worldloom.bundle/1\",\"files\":7}"u8.ToArray()));
        var problem = Assert.Single(BundleFixture.Verify(garbled).Problems);
        Assert.Equal(BundleProblemKind.Malformed, problem.Kind);
        Assert.Contains("engines", problem.Message);
    }

    [Fact]
    public void FolderEntriesFromReZippingAreIgnored()
    {
        var rezipped = BundleFixture.Edit(Bundle(), a => a.CreateEntry("json/"));
        Assert.True(BundleFixture.Verify(rezipped).Valid);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }
}
