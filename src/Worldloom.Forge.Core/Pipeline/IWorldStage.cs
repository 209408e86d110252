using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Pipeline;

/// <summary>One step of world generation: reads the layers before it from the world and sets its own.</summary>
public interface IWorldStage
{
    /// <summary>The stage's name: its random stream, its progress label and its scripted-rule hook.</summary>
    string Name { get; }

    /// <summary>Runs the stage on <paramref name="world"/>, drawing every random number from <paramref name="rng"/>.</summary>
    void Run(ForgeWorld world, ChaChaRng rng);
}
