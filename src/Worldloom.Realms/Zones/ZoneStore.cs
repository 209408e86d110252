using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Realms.Characters;
using Worldloom.Realms.Core.Simulation;
using Worldloom.Realms.Core.Zones;
using Worldloom.Realms.Realms;

namespace Worldloom.Realms.Zones;

/// <summary>
/// What zone grains read and write in the database: their realm, the characters they hold, checkpoints and transfers.
/// A character is only ever written by the zone it is in: every write is conditioned on the row still naming this
/// zone, so a zone that lost a character (to a transfer) cannot move it back.
/// </summary>
public sealed class ZoneStore(IServiceScopeFactory scopes, LoomClock clock)
{
    /// <summary>Characters whose places one statement of a checkpoint writes: five parameters each.</summary>
    private const int PlacesPerStatement = 200;

    /// <summary>The realm, or null.</summary>
    public Task<Realm?> RealmAsync(Guid realmId, CancellationToken ct) =>
        WithDbAsync(db => db.Set<Realm>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == realmId, ct));

    /// <summary>The character, or null.</summary>
    public Task<RealmCharacter?> CharacterAsync(Guid characterId, CancellationToken ct) =>
        WithDbAsync(db => db.Set<RealmCharacter>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == characterId, ct));

    /// <summary>The ids of the realm's characters whose saved place is <paramref name="zone"/>.</summary>
    public Task<List<Guid>> CharactersInAsync(Guid realmId, ZoneKey zone, CancellationToken ct) =>
        WithDbAsync(db => db.Set<RealmCharacter>().AsNoTracking().Where(c => c.RealmId == realmId && c.ZoneX == zone.X && c.ZoneY == zone.Y)
            .Select(c => c.Id).ToListAsync(ct));

    /// <summary>The zone's checkpoint, or null.</summary>
    public Task<ZoneCheckpoint?> CheckpointAsync(Guid realmId, ZoneKey zone, CancellationToken ct) =>
        WithDbAsync(db => db.Set<ZoneCheckpoint>().AsNoTracking().FirstOrDefaultAsync(c => c.RealmId == realmId && c.ZoneX == zone.X && c.ZoneY == zone.Y, ct));

    /// <summary>
    /// Saves the zone's state and the places of the characters in it, in one transaction, stamped
    /// <paramref name="takenAt"/>: when the state was taken, which is what a restore compares crossings with.
    /// </summary>
    public async Task SaveCheckpointAsync(Guid realmId, ZoneKey zone, uint tick, byte[] state, IReadOnlyList<CharacterPlace> characters, DateTimeOffset takenAt, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Set<ZoneCheckpoint>().FirstOrDefaultAsync(c => c.RealmId == realmId && c.ZoneX == zone.X && c.ZoneY == zone.Y, ct);
        if (row is null)
        {
            db.Set<ZoneCheckpoint>().Add(new ZoneCheckpoint { RealmId = realmId, ZoneX = zone.X, ZoneY = zone.Y, Tick = tick, State = state, UpdatedAt = takenAt });
        }
        else
        {
            row.Tick = tick;
            row.State = state;
            row.UpdatedAt = takenAt;
        }

        await db.SaveChangesAsync(ct);
        await SavePlacesAsync(db, zone, characters, takenAt, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Saves one character that left play in this zone.</summary>
    public async Task SaveCharacterAsync(ZoneKey zone, CharacterPlace place, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        // The place writer runs its own commands on the context's connection; a checkpoint's transaction opens it.
        await db.Database.OpenConnectionAsync(ct);
        await SavePlacesAsync(db, zone, [place], clock.GetUtcNow(), ct);
    }

    /// <summary>
    /// Records a crossing: the transfer record and the character's new zone and entry position, in one transaction.
    /// False when the character's row no longer names <paramref name="from"/> (nothing written).
    /// </summary>
    public async Task<bool> BeginTransferAsync(ZoneTransfer transfer, ZoneKey from, ExitCrossing crossing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        ArgumentNullException.ThrowIfNull(crossing);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var c = crossing.Character;
        var target = crossing.Exit.Target;
        var moved = await db.Set<RealmCharacter>()
            .Where(r => r.Id == crossing.CharacterId && r.ZoneX == from.X && r.ZoneY == from.Y)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ZoneX, target.X).SetProperty(r => r.ZoneY, target.Y)
                .SetProperty(r => r.PositionX, crossing.Entry.X).SetProperty(r => r.PositionY, crossing.Entry.Y)
                .SetProperty(r => r.Hp, c.Hp).SetProperty(r => r.Mana, c.Mana).SetProperty(r => r.Inventory, c.Inventory)
                .SetProperty(r => r.Version, r => r.Version + 1).SetProperty(r => r.UpdatedAt, transfer.CreatedAt), ct);
        if (moved == 0)
        {
            return false;
        }

        db.Set<ZoneTransfer>().Add(transfer);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>The transfer, or null.</summary>
    public Task<ZoneTransfer?> TransferAsync(Guid transferId, CancellationToken ct) =>
        WithDbAsync(db => db.Set<ZoneTransfer>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == transferId, ct));

    /// <summary>Transfers out of <paramref name="from"/> the target has not confirmed, oldest first.</summary>
    public Task<List<ZoneTransfer>> PendingFromAsync(Guid realmId, ZoneKey from, CancellationToken ct) =>
        WithDbAsync(db => db.Set<ZoneTransfer>().AsNoTracking()
            .Where(t => t.RealmId == realmId && t.FromX == from.X && t.FromY == from.Y && t.Status == ZoneTransferStatus.Pending)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(ct));

    /// <summary>Characters that crossed out of <paramref name="from"/> at or after <paramref name="since"/>.</summary>
    public Task<List<Guid>> CrossedOutSinceAsync(Guid realmId, ZoneKey from, DateTimeOffset since, CancellationToken ct) =>
        WithDbAsync(db => db.Set<ZoneTransfer>().AsNoTracking()
            .Where(t => t.RealmId == realmId && t.FromX == from.X && t.FromY == from.Y && t.CreatedAt >= since)
            .Select(t => t.CharacterId).Distinct().ToListAsync(ct));

    /// <summary>Marks a transfer done (the target zone holds the character).</summary>
    public Task CompleteTransferAsync(Guid transferId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return WithDbAsync(db => db.Set<ZoneTransfer>().Where(t => t.Id == transferId && t.Status == ZoneTransferStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, ZoneTransferStatus.Done).SetProperty(t => t.CompletedAt, now), ct));
    }

    /// <summary>
    /// Writes the places of the characters whose rows still name <paramref name="zone"/>, as one
    /// <c>UPDATE … FROM</c> per <see cref="PlacesPerStatement"/> characters (SQLite and PostgreSQL both have it), in
    /// the caller's transaction if any (the connection must be open): a checkpoint's many, or one that left. With an
    /// EF <c>ExecuteUpdate</c> per character, a checkpoint's write at 1,000 bots took 98 ms at the median and up to
    /// 326 ms, holding the database's one write lock while every other writer of the server waited; this way, 30 and
    /// 126 ms (docs/benchmarks.md, session 15). Names and parameter values come from the EF mapping, so the
    /// conversions (a GUID as text on SQLite, a time as Unix milliseconds) are the ones EF writes.
    /// </summary>
    private static async Task SavePlacesAsync(LoomDb db, ZoneKey zone, IReadOnlyList<CharacterPlace> places, DateTimeOffset now, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(RealmCharacter))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var name = sql.DelimitIdentifier(table.Name, table.Schema);
        // Each column's delimited name and its mapping, looked up once rather than per row.
        (string Column, RelationalTypeMapping Mapping) Map(string property)
        {
            var p = entity.FindProperty(property)!;
            return (sql.DelimitIdentifier(p.GetColumnName(table)!), p.GetRelationalTypeMapping());
        }

        var (id, x, y, hp, mana) = (Map(nameof(RealmCharacter.Id)), Map(nameof(RealmCharacter.PositionX)), Map(nameof(RealmCharacter.PositionY)),
            Map(nameof(RealmCharacter.Hp)), Map(nameof(RealmCharacter.Mana)));
        var (version, updatedAt, zoneX, zoneY) = (Map(nameof(RealmCharacter.Version)).Column, Map(nameof(RealmCharacter.UpdatedAt)),
            Map(nameof(RealmCharacter.ZoneX)), Map(nameof(RealmCharacter.ZoneY)));
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var from = 0; from < places.Count; from += PlacesPerStatement)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            string Parameter((string Column, RelationalTypeMapping Mapping) column, object? value)
            {
                var parameter = column.Mapping.CreateParameter(command, $"@p{command.Parameters.Count}", value);
                command.Parameters.Add(parameter);
                return parameter.ParameterName;
            }

            // A derived table of the rows (SELECT … UNION ALL SELECT …): a VALUES list cannot name its columns on SQLite.
            var rows = new StringBuilder();
            foreach (var place in places.Skip(from).Take(PlacesPerStatement))
            {
                var first = rows.Length == 0;
                rows.Append(first ? "SELECT " : " UNION ALL SELECT ")
                    .Append(Parameter(id, place.CharacterId)).Append(first ? " AS cid, " : ", ")
                    .Append(Parameter(x, place.Position.X)).Append(first ? " AS px, " : ", ")
                    .Append(Parameter(y, place.Position.Y)).Append(first ? " AS py, " : ", ")
                    .Append(Parameter(hp, place.Hp)).Append(first ? " AS hp, " : ", ")
                    .Append(Parameter(mana, place.Mana)).Append(first ? " AS mn" : "");
            }

            command.CommandText =
                $"UPDATE {name} SET {x.Column} = v.px, {y.Column} = v.py, {hp.Column} = v.hp, {mana.Column} = v.mn, " +
                $"{version} = {version} + 1, {updatedAt.Column} = {Parameter(updatedAt, now)} " +
                $"FROM ({rows}) AS v WHERE {name}.{id.Column} = v.cid " +
                $"AND {name}.{zoneX.Column} = {Parameter(zoneX, zone.X)} AND {name}.{zoneY.Column} = {Parameter(zoneY, zone.Y)}";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task<T> WithDbAsync<T>(Func<LoomDb, Task<T>> read)
    {
        using var scope = scopes.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<LoomDb>());
    }
}
