using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Stories.Bible;
using Worldloom.Stories.Data;

namespace Worldloom.Stories.Topics;

/// <summary>
/// Seeds <see cref="TopicSeeds"/> when the topics table is empty, so a fresh install has something to browse. Runs at
/// start, after migrations; an install whose admins removed every topic gets the seeds back on its next start, which
/// is the lesser surprise than an empty topic page.
/// </summary>
internal sealed class TopicSeeder(IServiceScopeFactory scopes, LoomClock clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        if (await db.Set<StoryTopic>().AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var seed in TopicSeeds.All)
        {
            // A seed bible that does not read is a bug here; fail the start loudly rather than seed a broken topic.
            _ = SceneBibles.Read(seed.BibleJson!);
            seed.Id = Guid.CreateVersion7(now);
            seed.CreatedAt = now;
            db.Set<StoryTopic>().Add(seed);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another server of the cluster seeded them first (the slug index is unique).
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
