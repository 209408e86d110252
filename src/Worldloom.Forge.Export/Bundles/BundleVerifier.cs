using System.IO.Compression;
using System.Security.Cryptography;

namespace Worldloom.Forge.Export.Bundles;

/// <summary>
/// Checks a bundle with nothing but the ZIP (and optionally the keys to trust): every entry's path, size and
/// compression ratio first, before anything is unpacked; then the manifest's signature; then each file's SHA-256 and
/// size against the manifest, naming every changed, added or missing file.
/// </summary>
public static class BundleVerifier
{
    /// <summary>Verifies the bundle in <paramref name="zip"/> (a seekable stream).</summary>
    /// <param name="zip">The bundle.</param>
    /// <param name="trustedKeys">Raw Ed25519 public keys to accept; null accepts the key the manifest names (integrity only).</param>
    /// <param name="limits">What to refuse; <see cref="BundleLimits"/>'s defaults when null.</param>
    public static BundleVerification Verify(Stream zip, IReadOnlyList<byte[]>? trustedKeys = null, BundleLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(zip);
        limits ??= new BundleLimits();
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            return Fail(BundleProblemKind.Malformed, null, $"Not a ZIP archive: {e.Message}");
        }

        using (archive)
        {
            return Check(archive, trustedKeys, limits);
        }
    }

    private static BundleVerification Check(ZipArchive archive, IReadOnlyList<byte[]>? trustedKeys, BundleLimits limits)
    {
        IReadOnlyList<ZipArchiveEntry> all;
        try
        {
            all = archive.Entries;
        }
        catch (InvalidDataException e)
        {
            return Fail(BundleProblemKind.Malformed, null, $"The ZIP's directory is damaged: {e.Message}");
        }

        if (all.Count > limits.MaxEntries)
        {
            return Fail(BundleProblemKind.Unsafe, null, $"Refused: {all.Count} entries, more than the {limits.MaxEntries} a bundle may have.");
        }

        var entries = new SortedDictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        long declaredTotal = 0;
        foreach (var entry in all)
        {
            // A bundle has no folder entries, but one re-zipped by another tool may; they hold nothing to check.
            if (entry.FullName.EndsWith('/') && entry.Length == 0)
            {
                continue;
            }

            if (BundlePaths.Problem(entry.FullName) is { } problem)
            {
                return Fail(BundleProblemKind.Unsafe, entry.FullName, $"Refused: unsafe path \"{Printable(entry.FullName)}\" ({problem}).");
            }

            if (!entries.TryAdd(entry.FullName, entry))
            {
                return Fail(BundleProblemKind.Unsafe, entry.FullName, $"Refused: \"{entry.FullName}\" appears more than once.");
            }

            if (entry.Length > limits.MaxEntryBytes)
            {
                return Fail(BundleProblemKind.Unsafe, entry.FullName, $"Refused: \"{entry.FullName}\" is {entry.Length} bytes unpacked, over the {limits.MaxEntryBytes}-byte limit.");
            }

            if (Ratio(entry.Length, entry.CompressedLength, limits) is { } ratio)
            {
                return Fail(BundleProblemKind.Unsafe, entry.FullName, $"Refused: \"{entry.FullName}\" unpacks {ratio}× its packed size (limit {limits.MaxRatio}×), which looks like a zip bomb.");
            }

            declaredTotal += entry.Length;
            if (declaredTotal > limits.MaxTotalBytes)
            {
                return Fail(BundleProblemKind.Unsafe, null, $"Refused: the files unpack to more than {limits.MaxTotalBytes} bytes.");
            }
        }

        if (!entries.TryGetValue(BundleManifest.FileName, out var manifestEntry))
        {
            return Fail(BundleProblemKind.Malformed, BundleManifest.FileName, "manifest.json is missing: this is not a Worldloom bundle.");
        }

        var problems = new List<BundleProblem>();
        var manifestRead = Read(manifestEntry, Math.Min(limits.MaxManifestBytes, limits.MaxEntryBytes), limits);
        if (manifestRead.Problem is not null)
        {
            return new BundleVerification(null, [manifestRead.Problem]);
        }

        BundleManifest manifest;
        try
        {
            manifest = BundleManifest.Parse(manifestRead.Bytes!);
        }
        catch (BundleFormatException e)
        {
            return Fail(BundleProblemKind.Malformed, BundleManifest.FileName, $"manifest.json cannot be read: {e.Message}");
        }

        CheckSignature(entries, manifest, manifestRead.Bytes!, trustedKeys, limits, problems);
        if (problems.Any(p => p.Kind == BundleProblemKind.Unsafe))
        {
            return new BundleVerification(manifest, problems);
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (!listed.Add(file.Path))
            {
                problems.Add(new BundleProblem(BundleProblemKind.Malformed, file.Path, $"manifest.json lists \"{file.Path}\" twice."));
                continue;
            }

            if (!entries.TryGetValue(file.Path, out var entry))
            {
                problems.Add(new BundleProblem(BundleProblemKind.Missing, file.Path, $"missing: {file.Path}"));
                continue;
            }

            var hashed = Hash(entry, limits);
            if (hashed.Problem is not null)
            {
                problems.Add(hashed.Problem);
                return new BundleVerification(manifest, problems);
            }

            if (hashed.Size != file.Size || hashed.Sha256 != file.Sha256)
            {
                problems.Add(new BundleProblem(BundleProblemKind.Changed, file.Path, $"changed: {file.Path}"));
            }
        }

        foreach (var path in entries.Keys)
        {
            if (path is not (BundleManifest.FileName or BundleManifest.SignatureFileName) && !listed.Contains(path))
            {
                problems.Add(new BundleProblem(BundleProblemKind.Added, path, $"added: {path}"));
            }
        }

        return new BundleVerification(manifest, problems);
    }

    private static void CheckSignature(
        SortedDictionary<string, ZipArchiveEntry> entries,
        BundleManifest manifest,
        byte[] manifestBytes,
        IReadOnlyList<byte[]>? trustedKeys,
        BundleLimits limits,
        List<BundleProblem> problems)
    {
        if (!entries.TryGetValue(BundleManifest.SignatureFileName, out var signatureEntry))
        {
            problems.Add(new BundleProblem(BundleProblemKind.Signature, BundleManifest.SignatureFileName, "manifest.sig is missing: the bundle is not signed."));
            return;
        }

        var signature = Read(signatureEntry, 1024, limits);
        if (signature.Problem is not null)
        {
            problems.Add(signature.Problem);
            return;
        }

        if (BundleKeys.Thumbprint(manifest.PublicKey) != manifest.KeyId)
        {
            problems.Add(new BundleProblem(BundleProblemKind.Signature, BundleManifest.FileName, $"the key id \"{manifest.KeyId}\" does not belong to the public key in manifest.json."));
        }
        else if (!BundleKeys.Verify(manifest.PublicKey, manifestBytes, signature.Bytes!))
        {
            problems.Add(new BundleProblem(BundleProblemKind.Signature, BundleManifest.SignatureFileName, "bad signature: manifest.sig does not match manifest.json and its key."));
        }
        else if (trustedKeys is not null && !trustedKeys.Any(k => k.AsSpan().SequenceEqual(manifest.PublicKey)))
        {
            problems.Add(new BundleProblem(BundleProblemKind.UntrustedKey, BundleManifest.SignatureFileName, $"signed by {manifest.KeyId}, which is not a trusted key."));
        }
    }

    private static (byte[]? Bytes, BundleProblem? Problem) Read(ZipArchiveEntry entry, long max, BundleLimits limits)
    {
        if (entry.Length > max)
        {
            return (null, new BundleProblem(BundleProblemKind.Unsafe, entry.FullName, $"Refused: \"{entry.FullName}\" is {entry.Length} bytes, over the {max}-byte limit."));
        }

        using var buffer = new MemoryStream();
        var hashed = Pump(entry, max, limits, buffer);
        return hashed.Problem is null ? (buffer.ToArray(), null) : (null, hashed.Problem);
    }

    private static (long Size, string? Sha256, BundleProblem? Problem) Hash(ZipArchiveEntry entry, BundleLimits limits) =>
        Pump(entry, limits.MaxEntryBytes, limits, null);

    // Streams an entry through SHA-256 without trusting its declared size: it stops at the limit, so a header that
    // understates the size cannot smuggle a bomb past the checks made on the directory.
    private static (long Size, string? Sha256, BundleProblem? Problem) Pump(ZipArchiveEntry entry, long max, BundleLimits limits, Stream? copy)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        try
        {
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                size += read;
                if (size > max)
                {
                    return (size, null, new BundleProblem(BundleProblemKind.Unsafe, entry.FullName, $"Refused: \"{entry.FullName}\" unpacks past the {max}-byte limit."));
                }

                if (Ratio(size, entry.CompressedLength, limits) is { } ratio)
                {
                    return (size, null, new BundleProblem(BundleProblemKind.Unsafe, entry.FullName, $"Refused: \"{entry.FullName}\" unpacks {ratio}× its packed size (limit {limits.MaxRatio}×), which looks like a zip bomb."));
                }

                sha.AppendData(buffer, 0, read);
                copy?.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            return (size, null, new BundleProblem(BundleProblemKind.Changed, entry.FullName, $"changed: {entry.FullName} cannot be unpacked ({e.Message})"));
        }

        return (size, Convert.ToHexStringLower(sha.GetHashAndReset()), null);
    }

    private static long? Ratio(long size, long packed, BundleLimits limits)
    {
        if (size < limits.RatioFloorBytes)
        {
            return null;
        }

        var ratio = size / Math.Max(1, packed);
        return ratio > limits.MaxRatio ? ratio : null;
    }

    private static BundleVerification Fail(BundleProblemKind kind, string? path, string message) => new(null, [new BundleProblem(kind, path, message)]);

    private static string Printable(string text) =>
        new([.. text.Take(80).Select(c => char.IsControl(c) ? '?' : c)]);
}
