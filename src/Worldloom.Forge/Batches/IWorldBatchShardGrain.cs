namespace Worldloom.Forge.Batches;

/// <summary>
/// Generates a slice of a batch. Keyed by <c>batchId/shard</c> and placed at random, so a batch's slices spread over
/// every silo of the cluster.
/// </summary>
public interface IWorldBatchShardGrain : IGrainWithStringKey
{
    /// <summary>Generates each seed of <paramref name="work"/> and returns their summaries in order.</summary>
    Task<IReadOnlyList<BatchShardResult>> GenerateAsync(BatchShardWork work, CancellationToken cancellationToken);
}
