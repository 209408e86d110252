using System.Threading.Channels;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Worlds;

/// <summary>
/// Turns pipeline stages into job progress. The pipeline runs synchronously on a worker thread; stage events go through
/// a channel to the job's async reporting loop, so a slow progress write never stalls generation.
/// </summary>
public sealed class StageProgress : IPipelineObserver
{
    private readonly Channel<(int Percent, string Stage)> _events = Channel.CreateUnbounded<(int, string)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Stage events as (percent, stage label); completes when <see cref="Complete"/> is called.</summary>
    public ChannelReader<(int Percent, string Stage)> Events => _events.Reader;

    /// <inheritdoc />
    public void StageStarting(int index, int count, string stage)
    {
        _events.Writer.TryWrite((Percent(index, count), stage));
    }

    /// <inheritdoc />
    public void StageCompleted(int index, int count, string stage, ForgeWorld world, ChaChaRng rulesRng)
    {
    }

    /// <summary>No more events.</summary>
    public void Complete() => _events.Writer.TryComplete();

    // Stages take 5–85 %; the rest is writing and storing the document.
    private static int Percent(int index, int count) => 5 + (80 * index / Math.Max(1, count));
}
