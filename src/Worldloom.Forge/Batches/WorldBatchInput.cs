namespace Worldloom.Forge.Batches;

/// <summary>The input of a <see cref="WorldBatchJob"/>.</summary>
/// <param name="BatchId">The batch to fill.</param>
public sealed record WorldBatchInput(Guid BatchId);
