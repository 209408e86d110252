using System.Text.Json;

namespace Worldloom.Forge.Batches;

/// <summary>One seed of a batch as the API shows it.</summary>
/// <param name="Index">Position in the batch.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Hash">World hash.</param>
/// <param name="LandPermille">Land share in per-mille.</param>
/// <param name="Settlements">Settlements.</param>
/// <param name="Rivers">Rivers.</param>
/// <param name="Factions">Factions.</param>
/// <param name="Biomes">Biome wire name → per-mille.</param>
/// <param name="Thumbnail">URL of the thumbnail PNG.</param>
public sealed record BatchItemView(int Index, string Seed, string Hash, int LandPermille, int Settlements, int Rivers, int Factions, IReadOnlyDictionary<string, int> Biomes, string Thumbnail)
{
    /// <summary>The view of <paramref name="i"/>.</summary>
    public static BatchItemView From(WorldBatchItem i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new(i.Index, i.Seed, i.Hash, i.LandPermille, i.Settlements, i.Rivers, i.Factions,
            JsonSerializer.Deserialize<Dictionary<string, int>>(i.BiomesJson) ?? [],
            $"/api/batches/{i.BatchId}/items/{i.Index}/thumbnail.png");
    }
}
