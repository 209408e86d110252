using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace Worldloom.Forge.Export.Bundles;

/// <summary>
/// Writes a signed bundle as a ZIP that is byte-identical for the same files: entries in a fixed order
/// (<c>manifest.json</c>, <c>manifest.sig</c>, then the files by path), one fixed timestamp (1980-01-01 00:00, the
/// earliest a ZIP can hold), no per-platform attributes, PNGs stored and everything else deflated. The ZIP is written
/// by hand rather than by <see cref="ZipArchive"/>, whose headers record the platform that wrote them.
/// </summary>
public static class BundleWriter
{
    /// <summary>Most entries in a bundle (the classic ZIP limit; bundles do not use ZIP64).</summary>
    public const int MaxEntries = 65_000;

    /// <summary>Largest bundle: classic ZIP offsets are 32-bit.</summary>
    public const long MaxBytes = uint.MaxValue;

    // MS-DOS date 1980-01-01 (year 0, month 1, day 1) and time 00:00:00.
    private const ushort DosDate = (1 << 5) | 1;
    private const ushort DosTime = 0;
    private const ushort Version = 20;

    /// <summary>
    /// Writes the bundle of <paramref name="files"/> to <paramref name="output"/>, signed by <paramref name="signer"/>.
    /// Returns its manifest. Throws <see cref="ArgumentException"/> for an unsafe or repeated path and
    /// <see cref="InvalidOperationException"/> when the bundle would be too large for a ZIP without ZIP64.
    /// </summary>
    public static BundleManifest Write(
        Stream output,
        IReadOnlyList<BundleFile> files,
        IReadOnlyList<string> engines,
        BundleWorld world,
        IBundleSigner signer,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(signer);
        var sorted = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            BundlePaths.Check(sorted[i].Path);
            if (sorted[i].Path is BundleManifest.FileName or BundleManifest.SignatureFileName
                || (i > 0 && sorted[i].Path == sorted[i - 1].Path))
            {
                throw new ArgumentException($"\"{sorted[i].Path}\" appears twice in the bundle or clashes with the manifest.", nameof(files));
            }
        }

        if (sorted.Length + 2 > MaxEntries)
        {
            throw new InvalidOperationException($"A bundle holds at most {MaxEntries} files; this one has {sorted.Length}.");
        }

        var entries = new BundleEntry[sorted.Length];
        Parallel.For(0, sorted.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            entries[i] = new BundleEntry(sorted[i].Path, sorted[i].Content.Length, Convert.ToHexStringLower(SHA256.HashData(sorted[i].Content))));
        var publicKey = signer.PublicKey.ToArray();
        var manifest = new BundleManifest(engines, entries, world, signer.KeyId, publicKey);
        var manifestBytes = manifest.ToCanonicalJson();
        var signature = signer.Sign(manifestBytes);

        var all = new List<BundleFile>(sorted.Length + 2)
        {
            new(BundleManifest.FileName, manifestBytes),
            new(BundleManifest.SignatureFileName, signature),
        };
        all.AddRange(sorted);
        var packed = new PackedEntry[all.Count];
        Parallel.For(0, all.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => packed[i] = Pack(all[i]));

        var total = packed.Sum(p => 30L + 46 + (2L * p.Name.Length) + p.Data.Length) + 22;
        if (total > MaxBytes)
        {
            throw new InvalidOperationException($"The bundle would be {total} bytes; a bundle is at most {MaxBytes} bytes. Export fewer engines.");
        }

        WriteZip(output, packed, cancellationToken);
        return manifest;
    }

    private static PackedEntry Pack(BundleFile file)
    {
        var crc = Crc32.HashToUInt32(file.Content);
        var name = Encoding.ASCII.GetBytes(file.Path);
        if (!file.Path.EndsWith(".png", StringComparison.Ordinal) && file.Content.Length > 64)
        {
            using var buffer = new MemoryStream(file.Content.Length / 2);
            using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                deflate.Write(file.Content);
            }

            if (buffer.Length < file.Content.Length)
            {
                return new PackedEntry(name, 8, crc, file.Content.Length, buffer.ToArray());
            }
        }

        return new PackedEntry(name, 0, crc, file.Content.Length, file.Content);
    }

    private static void WriteZip(Stream output, PackedEntry[] entries, CancellationToken cancellationToken)
    {
        var offsets = new uint[entries.Length];
        long position = 0;
        Span<byte> header = stackalloc byte[46];
        for (var i = 0; i < entries.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var e = entries[i];
            offsets[i] = (uint)position;
            header.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Version);
            BinaryPrimitives.WriteUInt16LittleEndian(header[8..], e.Method);
            BinaryPrimitives.WriteUInt16LittleEndian(header[10..], DosTime);
            BinaryPrimitives.WriteUInt16LittleEndian(header[12..], DosDate);
            BinaryPrimitives.WriteUInt32LittleEndian(header[14..], e.Crc);
            BinaryPrimitives.WriteUInt32LittleEndian(header[18..], (uint)e.Data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header[22..], (uint)e.Size);
            BinaryPrimitives.WriteUInt16LittleEndian(header[26..], (ushort)e.Name.Length);
            output.Write(header[..30]);
            output.Write(e.Name);
            output.Write(e.Data);
            position += 30 + e.Name.Length + e.Data.Length;
        }

        var directoryStart = position;
        for (var i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            header.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Version);
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], Version);
            BinaryPrimitives.WriteUInt16LittleEndian(header[10..], e.Method);
            BinaryPrimitives.WriteUInt16LittleEndian(header[12..], DosTime);
            BinaryPrimitives.WriteUInt16LittleEndian(header[14..], DosDate);
            BinaryPrimitives.WriteUInt32LittleEndian(header[16..], e.Crc);
            BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)e.Data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)e.Size);
            BinaryPrimitives.WriteUInt16LittleEndian(header[28..], (ushort)e.Name.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], offsets[i]);
            output.Write(header);
            output.Write(e.Name);
            position += 46 + e.Name.Length;
        }

        header.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], (ushort)entries.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], (ushort)entries.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], (uint)(position - directoryStart));
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)directoryStart);
        output.Write(header[..22]);
    }

    private sealed record PackedEntry(byte[] Name, ushort Method, uint Crc, long Size, byte[] Data);
}
