using System.IO.Compression;
using Worldloom.Forge.Export.Bundles;

namespace Worldloom.Forge.Export.Tests.Bundles;

/// <summary>Small bundles and hand-edited copies of them for the writer and verifier tests.</summary>
internal static class BundleFixture
{
    public static readonly BundleFile[] Files =
    [
        new("json/world.json", "{\"hello\":\"world\"}"u8.ToArray()),
        new("json/height.png", Enumerable.Range(0, 300).Select(i => (byte)(i * 7)).ToArray()),
        new("tiled/world.tmx", System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<tile gid=\"1\"/>\n", 200)))),
        new("tiled/README.txt", "Open world.tmx in Tiled."u8.ToArray()),
    ];

    public static byte[] Write(IBundleSigner signer, IReadOnlyList<BundleFile>? files = null)
    {
        using var output = new MemoryStream();
        BundleWriter.Write(output, files ?? Files, ["json", "tiled"], WorldExport.World(ExportWorlds.Source()), signer);
        return output.ToArray();
    }

    /// <summary>Rewrites a bundle through <see cref="ZipArchive"/>, letting <paramref name="edit"/> change the entries.</summary>
    public static byte[] Edit(byte[] zip, Action<ZipArchive> edit)
    {
        var copy = new MemoryStream();
        copy.Write(zip);
        using (var archive = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            edit(archive);
        }

        return copy.ToArray();
    }

    public static void Replace(ZipArchive archive, string path, byte[] content)
    {
        archive.GetEntry(path)!.Delete();
        Add(archive, path, content);
    }

    public static void Add(ZipArchive archive, string path, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = archive.CreateEntry(path, level).Open();
        stream.Write(content);
    }

    public static byte[] Read(byte[] zip, string path)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var stream = archive.GetEntry(path)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static BundleVerification Verify(byte[] zip, IReadOnlyList<byte[]>? trusted = null, BundleLimits? limits = null) =>
        BundleVerifier.Verify(new MemoryStream(zip), trusted, limits);
}
