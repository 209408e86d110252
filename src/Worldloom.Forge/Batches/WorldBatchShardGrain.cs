using Orleans.Placement;
using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Worlds;

namespace Worldloom.Forge.Batches;

/// <summary>Generates its slice off the grain scheduler (the pipeline uses parallel loops) and returns the summaries.</summary>
[RandomPlacement]
public sealed class WorldBatchShardGrain(ILocalSiloDetails silo) : Grain, IWorldBatchShardGrain
{
    /// <summary>Longer side of the thumbnails.</summary>
    public const int ThumbnailSide = 128;

    /// <inheritdoc />
    public Task<IReadOnlyList<BatchShardResult>> GenerateAsync(BatchShardWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var siloName = silo.Name;
        return Task.Run<IReadOnlyList<BatchShardResult>>(
            () =>
            {
                var parameters = WorldParametersBody.FromJson(work.ParametersJson);
                var results = new List<BatchShardResult>(work.Seeds.Count);
                for (var i = 0; i < work.Seeds.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var seed = ForgeSeed.Parse(work.Seeds[i]);
                    var build = WorldBuild.Run(seed, parameters, null, Array.Empty<WorldOverride>(), null, cancellationToken);
                    var summary = WorldCodec.Summary(build.World);
                    results.Add(new BatchShardResult
                    {
                        Index = work.FirstIndex + i,
                        Seed = seed.Text,
                        Hash = build.Hash,
                        LandPermille = summary.LandPermille,
                        Settlements = summary.Settlements,
                        Rivers = summary.Rivers,
                        Factions = summary.Factions,
                        BiomesJson = summary.BiomesJson,
                        Thumbnail = WorldCodec.RenderPng(build.World, WorldCodec.ThumbnailLayer, ThumbnailSide),
                        Silo = siloName,
                    });
                }

                return results;
            },
            cancellationToken);
    }
}
