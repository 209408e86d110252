using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Forge.Core.World;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Jobs;

namespace Worldloom.Forge.Worlds;

/// <summary>
/// <c>forge.generate</c>: runs the pipeline for a new world (progress per stage), applies its overrides, stores the
/// document and records snapshot 1. A failure that retrying cannot fix (bad overrides, a script error) marks the world
/// failed with the message and ends the job without retries.
/// </summary>
public sealed class WorldGenerateJob(IServiceScopeFactory scopes, WorldStore store, LoomClock clock) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string KindName = "forge.generate";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public async Task<string?> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var input = JsonSerializer.Deserialize<WorldGenerateInput>(run.Input, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The job has no input.");
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        var record = await db.Set<WorldRecord>().SingleAsync(w => w.Id == input.WorldId, cancellationToken);

        await run.ReportAsync(2, "starting", cancellationToken);
        WorldBuild built;
        try
        {
            built = await WorldBuild.RunAsync(record, WorldCodec.ParseOverridesJson(input.OverridesJson), run, cancellationToken);
        }
        catch (WorldBuildException e)
        {
            record.Status = WorldStatus.Failed;
            record.Error = e.Message;
            record.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(CancellationToken.None);
            throw new JobFailedException(e.Message);
        }

        await run.ReportAsync(90, "storing", cancellationToken);
        var blob = await store.SaveAsync(built.Document, cancellationToken);
        var now = clock.GetUtcNow();
        db.Set<WorldSnapshot>().Add(new WorldSnapshot
        {
            Id = Guid.CreateVersion7(now),
            WorldId = record.Id,
            Number = 1,
            Kind = "generated",
            OverridesJson = input.OverridesJson,
            Hash = blob.Sha256,
            Size = blob.Size,
            SummaryJson = built.SummaryJson,
            CreatedBy = input.CreatedBy,
            CreatedAt = now,
        });
        record.Head = 1;
        record.Hash = blob.Sha256;
        record.Status = WorldStatus.Ready;
        record.Error = null;
        record.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return JsonSerializer.Serialize(new { worldId = record.Id, snapshot = 1, hash = blob.Sha256 }, JsonSerializerOptions.Web);
    }
}
