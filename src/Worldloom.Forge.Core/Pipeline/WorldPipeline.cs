using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Pipeline;

/// <summary>
/// Runs the stages in order on one world. Each stage gets its own stream, <see cref="ChaChaRng.ForStage"/> of the seed
/// and the stage name, and scripted rules after a stage get the stream <c>rules/&lt;stage&gt;</c>.
/// </summary>
public static class WorldPipeline
{
    /// <summary>The version of the generator; part of a world's canonical form. Bump it whenever any output byte moves.</summary>
    public const string GeneratorVersion = "forge/1";

    private static readonly IWorldStage[] StageList =
    [
        new HeightmapStage(),
        new ClimateStage(),
        new BiomeStage(),
        new HydrologyStage(),
        new NpcStage(),
        new BestiaryStage(),
        new PoiStage(),
    ];

    /// <summary>The stages in the order they run.</summary>
    public static IReadOnlyList<IWorldStage> Stages => StageList;

    /// <summary>
    /// Generates the world of <paramref name="seed"/> and <paramref name="parameters"/>. Throws
    /// <see cref="ArgumentException"/> naming the fields when the parameters are out of range, and
    /// <see cref="OperationCanceledException"/> between stages when cancelled.
    /// </summary>
    public static ForgeWorld Generate(ForgeSeed seed, WorldParameters parameters, IPipelineObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(parameters);
        var errors = parameters.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")), nameof(parameters));
        }

        var world = new ForgeWorld(seed, parameters);
        for (var i = 0; i < StageList.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stage = StageList[i];
            observer?.StageStarting(i, StageList.Length, stage.Name);
            stage.Run(world, ChaChaRng.ForStage(seed.Bytes, stage.Name));
            observer?.StageCompleted(i, StageList.Length, stage.Name, world, ChaChaRng.ForStage(seed.Bytes, "rules/" + stage.Name));
        }

        return world;
    }
}
