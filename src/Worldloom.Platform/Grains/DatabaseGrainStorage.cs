using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;

namespace Worldloom.Platform.Grains;

/// <summary>
/// Orleans grain storage in the platform database (table <c>grain_state</c>), so grain state lives wherever the rest of
/// the data does: SQLite on one machine, PostgreSQL for a cluster. Optimistic concurrency through an ETag per row:
/// a write carrying a stale ETag throws <see cref="InconsistentStateException"/>, as Orleans expects.
/// </summary>
public sealed class DatabaseGrainStorage(IServiceScopeFactory scopes, Serializer serializer, LoomClock clock) : IGrainStorage
{
    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        using var scope = scopes.CreateScope();
        var row = await scope.ServiceProvider.GetRequiredService<LoomDb>().GrainStates.AsNoTracking()
            .FirstOrDefaultAsync(g => g.StateName == stateName && g.GrainId == id);
        if (row is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = serializer.Deserialize<T>(row.Data);
        grainState.ETag = row.ETag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        var data = serializer.SerializeToArray(grainState.State);
        var etag = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        if (grainState.ETag is null)
        {
            db.GrainStates.Add(new GrainStateRecord { StateName = stateName, GrainId = id, ETag = etag, Data = data, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException e)
            {
                throw new InconsistentStateException($"State {stateName} of {id} was written by someone else first.", null, etag, e);
            }
        }
        else
        {
            var expected = grainState.ETag;
            var updated = await db.GrainStates.Where(g => g.StateName == stateName && g.GrainId == id && g.ETag == expected)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.Data, data).SetProperty(g => g.ETag, etag).SetProperty(g => g.UpdatedAt, now));
            if (updated == 0)
            {
                throw new InconsistentStateException($"State {stateName} of {id} changed since it was read.", expected, etag);
            }
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        if (grainState.ETag is { } expected)
        {
            using var scope = scopes.CreateScope();
            var deleted = await scope.ServiceProvider.GetRequiredService<LoomDb>().GrainStates
                .Where(g => g.StateName == stateName && g.GrainId == id && g.ETag == expected)
                .ExecuteDeleteAsync();
            if (deleted == 0)
            {
                throw new InconsistentStateException($"State {stateName} of {id} changed since it was read.", expected, (string?)null);
            }
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }
}
