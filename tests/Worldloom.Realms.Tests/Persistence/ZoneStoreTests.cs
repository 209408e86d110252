using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Realms.Characters;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Zones;
using Worldloom.Realms.Zones;

namespace Worldloom.Realms.Tests.Persistence;

/// <summary>What a zone writes to the database, on the real one (SQLite, and PostgreSQL in its suite).</summary>
[Trait("Category", "Integration")]
public sealed class ZoneStoreTests(RealmHost fixture) : IClassFixture<RealmHost>
{
    [Fact]
    public async Task ACheckpoint_WritesThePlacesOfItsZonesCharacters_AndNoOtherZonesOnes()
    {
        var (realm, ids, zone) = await CharactersAsync(3);
        var before = await RowsAsync(ids);
        // The third crossed out (its row names another zone) after the checkpoint's state was taken.
        var elsewhere = new ZoneKey(zone.X + 1, zone.Y);
        await fixture.Host.WithDbAsync(db => db.Set<RealmCharacter>().Where(c => c.Id == ids[2])
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ZoneX, elsewhere.X)));
        before = await RowsAsync(ids);

        var store = fixture.Host.Services.GetRequiredService<ZoneStore>();
        var takenAt = new DateTimeOffset(2026, 12, 7, 21, 30, 0, 123, TimeSpan.Zero);
        CharacterPlace Place(int i) => new(ids[i], new Vec(100 + i, -200 - i), 40 + i, 7 + i);
        await store.SaveCheckpointAsync(realm, zone, 42, [1, 2, 3], [Place(0), Place(1), Place(2)], takenAt, CancellationToken.None);

        var after = await RowsAsync(ids);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal((100 + i, -200 - i, 40 + i, 7 + i), (after[i].PositionX, after[i].PositionY, after[i].Hp, after[i].Mana));
            Assert.Equal(before[i].Version + 1, after[i].Version);
            Assert.Equal(takenAt, after[i].UpdatedAt);
        }

        Assert.Equivalent(before[2], after[2]);
        var checkpoint = await store.CheckpointAsync(realm, zone, CancellationToken.None);
        Assert.Equal((42u, takenAt), (checkpoint!.Tick, checkpoint.UpdatedAt));
        Assert.Equal([1, 2, 3], checkpoint.State);

        // The next one replaces the checkpoint and writes the places again.
        await store.SaveCheckpointAsync(realm, zone, 43, [4], [Place(1) with { Hp = 1 }], takenAt.AddSeconds(5), CancellationToken.None);
        after = await RowsAsync(ids);
        Assert.Equal((1, before[1].Version + 2), (after[1].Hp, after[1].Version));
        Assert.Equal(before[0].Version + 1, after[0].Version);
        Assert.Equal(43u, (await store.CheckpointAsync(realm, zone, CancellationToken.None))!.Tick);
    }

    [Fact]
    public async Task ACheckpointOfManyCharacters_WritesThemAll()
    {
        var (realm, ids, zone) = await CharactersAsync(20);
        var store = fixture.Host.Services.GetRequiredService<ZoneStore>();

        // More places than one statement takes: 20 characters, each placed 11 times over.
        var places = Enumerable.Range(0, 231).Select(i => new CharacterPlace(ids[i % ids.Count], new Vec(i, i), 50, 5)).ToList();
        await store.SaveCheckpointAsync(realm, zone, 1, [], places, DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.All(await RowsAsync(ids), c => Assert.Equal(50, c.Hp));
    }

    [Fact]
    public async Task ACharacterThatLeft_IsWritten_OnlyWhileItsRowNamesTheZone()
    {
        var (_, ids, zone) = await CharactersAsync(2);
        var elsewhere = new ZoneKey(zone.X + 1, zone.Y);
        await fixture.Host.WithDbAsync(db => db.Set<RealmCharacter>().Where(c => c.Id == ids[1])
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ZoneX, elsewhere.X)));
        var before = await RowsAsync(ids);
        var store = fixture.Host.Services.GetRequiredService<ZoneStore>();

        await store.SaveCharacterAsync(zone, new CharacterPlace(ids[0], new Vec(12, 34), 56, 7), CancellationToken.None);
        await store.SaveCharacterAsync(zone, new CharacterPlace(ids[1], new Vec(12, 34), 56, 7), CancellationToken.None);

        var after = await RowsAsync(ids);
        Assert.Equal((12, 34, 56, 7, before[0].Version + 1), (after[0].PositionX, after[0].PositionY, after[0].Hp, after[0].Mana, after[0].Version));
        Assert.Equivalent(before[1], after[1]);
    }

    /// <summary>A new Test Area realm with <paramref name="count"/> new characters, all in its starting zone.</summary>
    private async Task<(Guid Realm, List<Guid> Ids, ZoneKey Zone)> CharactersAsync(int count)
    {
        var realm = (await fixture.RealmAsync("test-area")).GetProperty("id").GetGuid();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await RealmHost.CharacterAsync(fixture.Owner, realm)).GetProperty("id").GetGuid());
        }

        var first = (await RowsAsync(ids))[0];
        return (realm, ids, new ZoneKey(first.ZoneX, first.ZoneY));
    }

    private async Task<List<RealmCharacter>> RowsAsync(List<Guid> ids)
    {
        var rows = await fixture.Host.WithDbAsync(db => db.Set<RealmCharacter>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync());
        return [.. ids.Select(id => rows.Single(r => r.Id == id))];
    }
}
