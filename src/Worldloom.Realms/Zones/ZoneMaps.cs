using Microsoft.Extensions.Caching.Memory;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Worlds;
using Worldloom.Realms.Core.Zones;
using Worldloom.Realms.Realms;

namespace Worldloom.Realms.Zones;

/// <summary>
/// Zones cut from realms' worlds (<see cref="ZoneCut"/>), and their drawings, kept in memory: a realm's world never
/// changes (it is pinned to a snapshot), so a zone cut once stays right. Its own cache, sized in bytes.
/// </summary>
public sealed class ZoneMaps(IWorldCatalog catalog) : IDisposable
{
    /// <summary>Most bytes of cut zones and drawings kept.</summary>
    public const long CacheBytes = 256L * 1024 * 1024;

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheBytes });

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

    /// <summary>The world a realm runs on, or null when its snapshot is gone.</summary>
    public Task<ForgeWorld?> WorldAsync(Guid worldId, string worldHash, CancellationToken cancellationToken) =>
        catalog.LoadWorldAsync(worldId, worldHash, cancellationToken);

    /// <summary>Zone <paramref name="key"/> of the realm's world; null when the world is gone.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The key lies outside the world's grid.</exception>
    public async Task<ZoneMap?> CutAsync(Guid worldId, string worldHash, ZoneKey key, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(("zone", worldHash, key), out ZoneMap? cached) && cached is not null)
        {
            return cached;
        }

        var world = await WorldAsync(worldId, worldHash, cancellationToken);
        if (world is null)
        {
            return null;
        }

        var map = ZoneCut.Cut(world, key);
        // Cost, biome and height per tile, and a little for the lists.
        _cache.Set(("zone", worldHash, key), map, Entry((map.Width * map.Height * 4L) + 4096));
        return map;
    }

    /// <summary>Zone <paramref name="key"/> of <paramref name="realm"/>.</summary>
    public Task<ZoneMap?> CutAsync(Realm realm, ZoneKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(realm);
        return CutAsync(realm.WorldId, realm.WorldHash, key, cancellationToken);
    }

    /// <summary>The drawing of a zone (<see cref="ZoneDrawing"/>), made once while it stays in memory.</summary>
    public async Task<byte[]?> DrawingAsync(Realm realm, ZoneKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(realm);
        if (_cache.TryGetValue(("drawing", realm.WorldHash, key), out byte[]? cached) && cached is not null)
        {
            return cached;
        }

        if (await CutAsync(realm, key, cancellationToken) is not { } map)
        {
            return null;
        }

        var json = ZoneDrawing.Write(map);
        _cache.Set(("drawing", realm.WorldHash, key), json, Entry(json.Length));
        return json;
    }

    private static MemoryCacheEntryOptions Entry(long size) => new() { Size = Math.Max(1, size), SlidingExpiration = Idle };
}
