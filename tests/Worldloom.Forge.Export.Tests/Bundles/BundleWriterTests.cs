using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Worldloom.Forge.Export.Bundles;

namespace Worldloom.Forge.Export.Tests.Bundles;

public sealed class BundleWriterTests
{
    [Fact]
    public void SameFilesAndKeyGiveByteIdenticalZips()
    {
        using var signer = new TestSigner();
        var first = BundleFixture.Write(signer);
        // Reversed input order must not matter: entries are sorted by path.
        var second = BundleFixture.Write(signer, [.. BundleFixture.Files.Reverse()]);
        Assert.Equal(first, second);
    }

    [Fact]
    public void EntriesAreManifestSignatureThenFilesByPathWithOneFixedTimestamp()
    {
        using var signer = new TestSigner();
        using var archive = new ZipArchive(new MemoryStream(BundleFixture.Write(signer)), ZipArchiveMode.Read);
        Assert.Equal(
            ["manifest.json", "manifest.sig", "json/height.png", "json/world.json", "tiled/README.txt", "tiled/world.tmx"],
            archive.Entries.Select(e => e.FullName));
        Assert.All(archive.Entries, e => Assert.Equal(new DateTime(1980, 1, 1, 0, 0, 0), e.LastWriteTime.DateTime));
        Assert.All(archive.Entries, e => Assert.Equal(0, e.ExternalAttributes));
        // PNGs are stored (already compressed); repetitive text is deflated.
        Assert.Equal(archive.GetEntry("json/height.png")!.Length, archive.GetEntry("json/height.png")!.CompressedLength);
        Assert.True(archive.GetEntry("tiled/world.tmx")!.CompressedLength < archive.GetEntry("tiled/world.tmx")!.Length / 4);
    }

    [Fact]
    public void EveryEntryUnpacksToTheBytesWritten()
    {
        using var signer = new TestSigner();
        var zip = BundleFixture.Write(signer);
        foreach (var file in BundleFixture.Files)
        {
            Assert.Equal(file.Content, BundleFixture.Read(zip, file.Path));
        }
    }

    [Fact]
    public void ManifestListsEachFileWithSizeAndHashAndTheWorldAndKey()
    {
        using var signer = new TestSigner();
        var zip = BundleFixture.Write(signer);
        var bytes = BundleFixture.Read(zip, "manifest.json");
        var manifest = BundleManifest.Parse(bytes);
        var source = ExportWorlds.Source();
        Assert.Equal(["json", "tiled"], manifest.Engines);
        Assert.Equal(BundleFixture.Files.Select(f => f.Path).Order(StringComparer.Ordinal), manifest.Files.Select(f => f.Path));
        foreach (var file in BundleFixture.Files)
        {
            var entry = manifest.Files.Single(f => f.Path == file.Path);
            Assert.Equal(file.Content.Length, entry.Size);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file.Content)), entry.Sha256);
        }

        Assert.Equal(source.Hash, manifest.World.Hash);
        Assert.Equal("dragon coast", manifest.World.Seed);
        Assert.Equal("forge/1", manifest.World.Generator);
        Assert.Equal(128, manifest.World.Parameters.GetProperty("width").GetInt32());
        Assert.Equal(signer.KeyId, manifest.KeyId);
        Assert.Equal(signer.PublicKey.ToArray(), manifest.PublicKey);
        // What is signed is the canonical form: re-serialising the parsed manifest gives the same bytes.
        Assert.Equal(bytes, manifest.ToCanonicalJson());
        Assert.True(BundleKeys.Verify(signer.PublicKey.Span, bytes, BundleFixture.Read(zip, "manifest.sig")));
        using var json = JsonDocument.Parse(bytes);
        Assert.Equal("worldloom.bundle/1", json.RootElement.GetProperty("format").GetString());
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("json\\world.json")]
    [InlineData("C:/x")]
    [InlineData("json//x")]
    [InlineData("json/a b.txt")]
    [InlineData("")]
    public void UnsafePathsAreRefusedWhenWriting(string path)
    {
        using var signer = new TestSigner();
        Assert.Throws<ArgumentException>(() => BundleFixture.Write(signer, [new BundleFile(path, [1, 2, 3])]));
    }

    [Fact]
    public void RepeatedPathsAndManifestClashesAreRefused()
    {
        using var signer = new TestSigner();
        Assert.Throws<ArgumentException>(() => BundleFixture.Write(signer, [new BundleFile("a.txt", [1]), new BundleFile("a.txt", [2])]));
        Assert.Throws<ArgumentException>(() => BundleFixture.Write(signer, [new BundleFile("manifest.json", [1])]));
    }
}
