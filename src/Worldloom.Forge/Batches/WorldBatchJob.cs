using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Data;
using Worldloom.Platform.Jobs;

namespace Worldloom.Forge.Batches;

/// <summary>
/// <c>forge.batch</c>: cuts the seeds into slices, hands them to <see cref="IWorldBatchShardGrain"/>s across the cluster
/// (a few at a time), and stores each slice's summaries and thumbnails as it comes back. A retried attempt skips the
/// seeds already stored; a cancel stops handing out slices and cancels the running ones.
/// </summary>
public sealed class WorldBatchJob(IServiceScopeFactory scopes, IGrainFactory grains, IBlobStore blobs) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string KindName = "forge.batch";

    /// <summary>Seeds per grain call: small enough for smooth progress, big enough to keep the calls cheap.</summary>
    public const int ShardSize = 8;

    /// <summary>Slices in flight at once.</summary>
    public const int Parallelism = 4;

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public async Task<string?> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var input = JsonSerializer.Deserialize<WorldBatchInput>(run.Input, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The job has no input.");
        WorldBatch batch;
        HashSet<int> done;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
            batch = await db.Set<WorldBatch>().AsNoTracking().SingleAsync(b => b.Id == input.BatchId, cancellationToken);
            done = (await db.Set<WorldBatchItem>().Where(i => i.BatchId == batch.Id).Select(i => i.Index).ToListAsync(cancellationToken)).ToHashSet();
        }

        var seeds = JsonSerializer.Deserialize<List<string>>(batch.SeedsJson)!;
        var shards = Enumerable.Range(0, (seeds.Count + ShardSize - 1) / ShardSize)
            .Select(s => (Shard: s, First: s * ShardSize, Count: Math.Min(ShardSize, seeds.Count - (s * ShardSize))))
            .Where(s => Enumerable.Range(s.First, s.Count).Any(i => !done.Contains(i)))
            .ToList();
        var finished = done.Count;
        var silos = new SortedSet<string>(StringComparer.Ordinal);
        using var progressGate = new SemaphoreSlim(1, 1);
        await run.ReportAsync(Percent(finished, seeds.Count), $"{finished} of {seeds.Count} seeds", cancellationToken);

        await Parallel.ForEachAsync(shards, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (shard, ct) =>
        {
            var grain = grains.GetGrain<IWorldBatchShardGrain>($"{batch.Id:N}/{shard.Shard}/{run.Attempt}");
            var results = await grain.GenerateAsync(
                new BatchShardWork { ParametersJson = batch.ParametersJson, Seeds = seeds.GetRange(shard.First, shard.Count), FirstIndex = shard.First },
                ct);
            var items = new List<WorldBatchItem>();
            foreach (var r in results.Where(r => !done.Contains(r.Index)))
            {
                using var png = new MemoryStream(r.Thumbnail, writable: false);
                var thumbnail = await blobs.PutAsync(png, "image/png", ct);
                items.Add(new WorldBatchItem
                {
                    BatchId = batch.Id,
                    Index = r.Index,
                    Seed = r.Seed,
                    Hash = r.Hash,
                    LandPermille = r.LandPermille,
                    Settlements = r.Settlements,
                    Rivers = r.Rivers,
                    Factions = r.Factions,
                    BiomesJson = r.BiomesJson,
                    ThumbnailSha = thumbnail.Sha256,
                });
            }

            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
                db.Set<WorldBatchItem>().AddRange(items);
                await db.SaveChangesAsync(ct);
            }

            await progressGate.WaitAsync(ct);
            try
            {
                finished += items.Count;
                foreach (var r in results)
                {
                    silos.Add(r.Silo);
                }

                await run.ReportAsync(Percent(finished, seeds.Count), $"{finished} of {seeds.Count} seeds", ct);
            }
            finally
            {
                progressGate.Release();
            }
        });

        return JsonSerializer.Serialize(new { batchId = batch.Id, seeds = seeds.Count, silos }, JsonSerializerOptions.Web);
    }

    private static int Percent(int finished, int total) => total == 0 ? 100 : 1 + (98 * finished / total);
}
