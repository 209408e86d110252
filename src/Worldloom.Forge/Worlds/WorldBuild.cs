using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.World;
using Worldloom.Platform.Jobs;

namespace Worldloom.Forge.Worlds;

/// <summary>
/// One world built from its recipe (seed, parameters, rules, overrides): the world, its canonical document, the
/// document's hash and summary. The one place the shell runs the pipeline, so jobs, batches, previews and edits all
/// build worlds the same way.
/// </summary>
/// <param name="World">The built world.</param>
/// <param name="Document">Its canonical JSON.</param>
/// <param name="Hash">SHA-256 of <paramref name="Document"/>, lowercase hex.</param>
/// <param name="SummaryJson">Its summary as JSON.</param>
public sealed record WorldBuild(ForgeWorld World, byte[] Document, string Hash, string SummaryJson)
{
    /// <summary>
    /// Builds synchronously. Throws <see cref="WorldBuildException"/> for a script error or overrides that do not apply,
    /// and <see cref="OperationCanceledException"/> between stages when cancelled.
    /// </summary>
    public static WorldBuild Run(ForgeSeed seed, WorldParameters parameters, string? rules, IReadOnlyList<WorldOverride> overrides, IPipelineObserver? observer, CancellationToken cancellationToken)
    {
        var world = Generate(seed, parameters, rules, overrides, observer, cancellationToken);
        return FromWorld(world, overrides);
    }

    /// <summary>The world of a recipe, without writing its document (previews).</summary>
    public static ForgeWorld Generate(ForgeSeed seed, WorldParameters parameters, string? rules, IReadOnlyList<WorldOverride> overrides, IPipelineObserver? observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var rulesObserver = WorldCodec.RulesObserver(rules);
        var world = WorldCodec.RunRules(() => WorldPipeline.Generate(seed, parameters, Chain(rulesObserver, observer), cancellationToken));
        WorldCodec.ApplyOverrides(world, overrides);
        return world;
    }

    /// <summary>The document, hash and summary of an already built (or edited) world.</summary>
    public static WorldBuild FromWorld(ForgeWorld world, IReadOnlyList<WorldOverride> overrides)
    {
        var document = WorldCodec.Write(world, overrides);
        return new WorldBuild(world, document, WorldCodec.Hash(document), WorldCodec.SummaryJson(world));
    }

    /// <summary>
    /// Builds a stored world on a worker thread, reporting each stage to <paramref name="run"/>. A cancelled job stops the
    /// pipeline at the next stage boundary.
    /// </summary>
    public static async Task<WorldBuild> RunAsync(WorldRecord record, IReadOnlyList<WorldOverride> overrides, JobRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(run);
        var seed = ForgeSeed.Parse(record.Seed);
        var parameters = WorldParametersBody.FromJson(record.ParametersJson);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = new StageProgress();
        var build = Task.Run(
            () =>
            {
                try
                {
                    return Run(seed, parameters, record.Rules, overrides, progress, stop.Token);
                }
                finally
                {
                    progress.Complete();
                }
            },
            CancellationToken.None);
        try
        {
            await foreach (var (percent, stage) in progress.Events.ReadAllAsync(cancellationToken))
            {
                await run.ReportAsync(percent, stage, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            await stop.CancelAsync();
            await build.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }

        return await build;
    }

    private static IPipelineObserver? Chain(IPipelineObserver? first, IPipelineObserver? second) =>
        first is null ? second : second is null ? first : new ObserverChain(first, second);
}
