using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Worldloom.Platform.Data;
using Worldloom.Platform.Tests.Support;
using Worldloom.Stories.Data;
using Worldloom.Stories.Topics;

namespace Worldloom.Stories.Tests;

/// <summary>Servers of a cluster start together and seed the topics at once: each topic lands once, and no one logs an error.</summary>
[Trait("Category", "Integration")]
public sealed class TopicSeederTests
{
    [Fact]
    public async Task Seeding_Concurrently_OrAfterAnotherServer_KeepsEachTopicOnce_AndLogsNoError()
    {
        var logs = new LogSink();
        await using var host = await LoomHost.StartAsync(configure: b => b.Logging.AddProvider(logs));
        var slugs = TopicSeeds.All.Select(t => t.Slug).Order().ToList();
        await host.WithDbAsync(db => db.Set<StoryTopic>().ExecuteDeleteAsync());
        // Only what the seeding logs counts (a fresh PostgreSQL database logs its creation at start).
        logs.Lines.Clear();

        // Both servers found the table empty; then a third one, late, inserts over the seeds already there.
        var inserted = await Task.WhenAll(SeedAsync(host), SeedAsync(host));
        var late = await SeedAsync(host);

        Assert.Equal(slugs.Count, inserted.Sum());
        Assert.Equal(0, late);
        Assert.Equal(slugs, await host.WithDbAsync(db => db.Set<StoryTopic>().Select(t => t.Slug).OrderBy(s => s).ToListAsync()));
        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Error && l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    private static async Task<int> SeedAsync(LoomHost host)
    {
        using var scope = host.Services.CreateScope();
        return await TopicSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<LoomDb>(), host.Clock.GetUtcNow(), CancellationToken.None);
    }
}
