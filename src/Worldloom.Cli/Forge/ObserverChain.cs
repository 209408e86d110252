using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Cli.Forge;

/// <summary>
/// Several pipeline observers as one, called in order. Progress goes first; scripted rules (a future
/// <c>--rules FILE.js</c>) join as a later link, so the bar shows a stage done before the rules edit its output.
/// </summary>
internal sealed class ObserverChain(params IPipelineObserver[] observers) : IPipelineObserver
{
    /// <inheritdoc />
    public void StageStarting(int index, int count, string stage)
    {
        foreach (var observer in observers)
        {
            observer.StageStarting(index, count, stage);
        }
    }

    /// <inheritdoc />
    public void StageCompleted(int index, int count, string stage, ForgeWorld world, ChaChaRng rulesRng)
    {
        foreach (var observer in observers)
        {
            observer.StageCompleted(index, count, stage, world, rulesRng);
        }
    }
}
