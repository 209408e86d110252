using Orleans.Runtime;
using Orleans.TestingHost;
using Worldloom.Forge.Batches;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Worlds;

namespace Worldloom.Forge.Server.Tests;

/// <summary>Batch slices on a real two-silo Orleans cluster: random placement spreads them over both silos.</summary>
[Trait("Category", "Integration")]
public sealed class BatchClusterTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = new TestClusterBuilder(2).Build();
        await _cluster.DeployAsync();

        // Until both silos are active in the membership, every grain is placed on the first one.
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await management.GetHosts(onlyActive: true)).Count < 2)
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    [Fact]
    public async Task Slices_RunOnBothSilos_AndGiveTheSameWorldsAsOneProcess()
    {
        var parameters = WorldParametersBody.ToJson(new WorldParameters { Width = 64, Height = 64 });
        var batch = Guid.NewGuid();
        // 24 slices placed at random: all on one silo has a chance of 2·2^-24.
        var calls = Enumerable.Range(0, 24).Select(shard => _cluster.Client.GetGrain<IWorldBatchShardGrain>($"{batch:N}/{shard}/1")
            .GenerateAsync(new BatchShardWork { ParametersJson = parameters, Seeds = [shard.ToString(System.Globalization.CultureInfo.InvariantCulture)], FirstIndex = shard }, CancellationToken.None));

        var results = (await Task.WhenAll(calls)).SelectMany(r => r).ToList();

        Assert.Equal(24, results.Count);
        Assert.Equal(2, results.Select(r => r.Silo).Distinct().Count());
        var local = WorldBuild.Run(ForgeSeed.Parse("5"), WorldParametersBody.FromJson(parameters), null, [], null, default);
        Assert.Equal(local.Hash, results.Single(r => r.Index == 5).Hash);
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }
}
