using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Worldloom.Platform.Grains;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Platform.Tests.Grains;

[Trait("Category", "Integration")]
public sealed class DatabaseGrainStorageTests
{
    private static readonly GrainId Grain = GrainId.Create("zone", "test-key");

    [Fact]
    public async Task DefaultGrainStorage_IsTheDatabase()
    {
        await using var host = await LoomHost.StartAsync();

        Assert.IsType<DatabaseGrainStorage>(Storage(host));
    }

    [Fact]
    public async Task State_SurvivesAServerRestart()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "loom-grainstate-" + Guid.NewGuid().ToString("N"));
        string? database;
        await using (var first = await LoomHost.StartAsync(dataDir: dataDir, keepData: true))
        {
            database = first.Database;
            var state = new GrainState<List<string>> { State = ["north gate", "old mill"] };
            await Storage(first).WriteStateAsync("zone", Grain, state);
            Assert.True(state.RecordExists);
            Assert.NotNull(state.ETag);
        }

        await using var second = await LoomHost.StartAsync(dataDir: dataDir, database: database);
        var read = new GrainState<List<string>>();
        await Storage(second).ReadStateAsync("zone", Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(["north gate", "old mill"], read.State);
    }

    [Fact]
    public async Task MissingState_ReadsAsEmpty()
    {
        await using var host = await LoomHost.StartAsync();
        var read = new GrainState<List<string>>();

        await Storage(host).ReadStateAsync("zone", GrainId.Create("zone", "never-written"), read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Empty(read.State!);
    }

    [Fact]
    public async Task StaleETag_IsRefused_AndStoredStateKept()
    {
        await using var host = await LoomHost.StartAsync();
        var storage = Storage(host);
        var a = new GrainState<List<string>> { State = ["a"] };
        await storage.WriteStateAsync("zone", Grain, a);
        var b = new GrainState<List<string>>();
        await storage.ReadStateAsync("zone", Grain, b);
        a.State = ["a2"];
        await storage.WriteStateAsync("zone", Grain, a);

        b.State = ["b"];
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("zone", Grain, b));

        var read = new GrainState<List<string>>();
        await storage.ReadStateAsync("zone", Grain, read);
        Assert.Equal(["a2"], read.State);
    }

    [Fact]
    public async Task ConcurrentFirstWrites_OneWins()
    {
        await using var host = await LoomHost.StartAsync();
        var storage = Storage(host);
        var grain = GrainId.Create("zone", "raced");

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                await storage.WriteStateAsync("zone", grain, new GrainState<List<string>> { State = [$"writer {i}"] });
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Clear_RemovesState()
    {
        await using var host = await LoomHost.StartAsync();
        var storage = Storage(host);
        var state = new GrainState<List<string>> { State = ["x"] };
        await storage.WriteStateAsync("zone", Grain, state);

        await storage.ClearStateAsync("zone", Grain, state);
        var read = new GrainState<List<string>>();
        await storage.ReadStateAsync("zone", Grain, read);

        Assert.False(state.RecordExists);
        Assert.False(read.RecordExists);
    }

    private static IGrainStorage Storage(LoomHost host) =>
        host.Services.GetRequiredKeyedService<IGrainStorage>(Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
}
