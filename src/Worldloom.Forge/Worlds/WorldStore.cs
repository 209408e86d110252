using Microsoft.Extensions.Caching.Memory;
using Worldloom.Forge.Core.World;
using Worldloom.Platform.Blobs;

namespace Worldloom.Forge.Worlds;

/// <summary>
/// World documents in the blob store, named by their hash, with the most used ones kept in memory. A cached world is
/// shared and read-only by convention; callers that edit (overrides) load a private copy with <see cref="LoadCopyAsync"/>.
/// The cache is its own, sized in bytes, so other modules' caches neither crowd it out nor need sizes of their own.
/// </summary>
public sealed class WorldStore(IBlobStore blobs) : IDisposable
{
    /// <summary>Most bytes of world documents, parsed worlds and rendered maps kept in memory.</summary>
    public const long CacheBytes = 512L * 1024 * 1024;

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheBytes });

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

    /// <summary>Stores a document; returns its hash (the blob name) and size.</summary>
    public async Task<BlobRef> SaveAsync(byte[] document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream(document, writable: false);
        var blob = await blobs.PutAsync(stream, "application/json", cancellationToken);
        _cache.Set(("doc", blob.Sha256), document, Entry(document.Length));
        return blob;
    }

    /// <summary>The document bytes, or null if the blob is gone.</summary>
    public async Task<byte[]?> LoadBytesAsync(string hash, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(("doc", hash), out byte[]? cached) && cached is not null)
        {
            return cached;
        }

        await using var stream = await blobs.OpenAsync(hash, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        _cache.Set(("doc", hash), bytes, Entry(bytes.Length));
        return bytes;
    }

    /// <summary>The shared, read-only world of <paramref name="hash"/>, or null if the blob is gone.</summary>
    public async Task<LoadedWorld?> LoadAsync(string hash, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(("world", hash), out LoadedWorld? cached) && cached is not null)
        {
            return cached;
        }

        var bytes = await LoadBytesAsync(hash, cancellationToken);
        if (bytes is null)
        {
            return null;
        }

        var loaded = WorldCodec.Read(bytes);
        // A parsed world takes several times its document's size (lists of records, grids as arrays).
        _cache.Set(("world", hash), loaded, Entry(bytes.Length * 3L));
        return loaded;
    }

    /// <summary>A private copy to edit, or null if the blob is gone.</summary>
    public async Task<LoadedWorld?> LoadCopyAsync(string hash, CancellationToken cancellationToken)
    {
        var bytes = await LoadBytesAsync(hash, cancellationToken);
        return bytes is null ? null : WorldCodec.Read(bytes);
    }

    /// <summary>A rendered picture, computed once per key while it stays in memory.</summary>
    public byte[] GetOrRender(string key, Func<byte[]> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (_cache.TryGetValue(("png", key), out byte[]? png) && png is not null)
        {
            return png;
        }

        png = render();
        _cache.Set(("png", key), png, Entry(png.Length));
        return png;
    }

    private static MemoryCacheEntryOptions Entry(long size) => new() { Size = Math.Max(1, size), SlidingExpiration = Idle };
}
