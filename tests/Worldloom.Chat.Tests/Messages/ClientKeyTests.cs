using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Chat.Messages;
using Worldloom.Chat.Realtime;
using Worldloom.Platform.Data;
using Worldloom.Platform.Tests.Support;
using Worldloom.Server.Data;

namespace Worldloom.Chat.Tests.Messages;

/// <summary>
/// The idempotency key, (room, author, client id): kept across a restart on both providers, and on SQLite, where it is
/// indexed by a hash, right when two keys share a hash and for rows stored before the hash existed.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ClientKeyTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task Resend_AfterARestart_ReturnsTheFirstMessage()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "loom-clientkey-" + Guid.NewGuid().ToString("N"));
        string? database;
        Guid room;
        Guid first;
        TestUser user;
        await using (var before = await LoomHost.StartAsync(dataDir: dataDir, keepData: true))
        {
            database = before.Database;
            user = await before.UserAsync();
            room = await ChatApi.RoomAsync(user);
            first = (await ChatApi.JsonAsync(await ChatApi.PostAsync(user, room, "before the restart", "c-1"), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        }

        await using var after = await LoomHost.StartAsync(dataDir: dataDir, database: database);
        user = await after.LoginAsync(user.Id, user.Email);
        var again = await ChatApi.JsonAsync(await ChatApi.PostAsync(user, room, "sent again", "c-1"), HttpStatusCode.OK);

        Assert.Equal(first, again.GetProperty("id").GetGuid());
        Assert.Equal("before the restart", again.GetProperty("body").GetString());
        Assert.Equal(1, await after.WithDbAsync(db => db.Set<ChatMessage>().CountAsync(m => m.RoomId == room)));
    }

    [Fact]
    public async Task SharedHash_IsNotTakenForADuplicate()
    {
        var host = fixture.Host;
        if (!await host.WithDbAsync(db => Task.FromResult(ClientKeys.IsHashed(db))))
        {
            return; // PostgreSQL: the unique index on the three columns, covered by the store's tests.
        }

        var store = host.Services.GetRequiredService<ChatMessageStore>();
        var room = Guid.NewGuid();
        var author = Guid.NewGuid();
        var other = Message(room, author, "other", "stored first");
        Assert.True(await store.StoreAsync(other));
        // A 64-bit collision cannot be found on purpose: give the stored row the hash the next message will have (ids are
        // stored as upper-case text on SQLite).
        await host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            $$"""UPDATE chat_messages SET "{{ClientKeys.Column}}" = {0} WHERE "Id" = {1}""", ClientKeys.Of(room, author, "mine"), other.Id.ToString().ToUpperInvariant()));

        Assert.True(await store.StoreAsync(Message(room, author, "mine", "shares the hash")));
        Assert.False(await store.StoreAsync(Message(room, author, "mine", "a resend")));

        var found = await host.WithDbAsync(db => ClientKeys.Find(db, room, author, "mine").Select(m => m.Body).ToListAsync());
        Assert.Equal(["shares the hash"], found);
    }

    [Fact]
    public async Task SqliteDatabase_FromBeforeTheHash_MigratesWithItsRowsFound()
    {
        if (TestDatabase.PostgresServer is not null)
        {
            return; // The hash and its migration are SQLite's; PostgreSQL's schema did not change.
        }

        var file = Path.Combine(Path.GetTempPath(), "loom-clientkey-" + Guid.NewGuid().ToString("N") + ".db");
        var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        try
        {
            await using var db = new SqliteLoomDb(new DbContextOptionsBuilder<SqliteLoomDb>().UseSqlite(connection).Options);
            await db.GetService<IMigrator>().MigrateAsync("20261206195314_Stories");
            var room = Guid.NewGuid();
            var author = Guid.NewGuid();
            var old = Guid.CreateVersion7();
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO chat_messages ("Id", "RoomId", "AuthorId", "ClientId", "Body", "CreatedAt") VALUES ({0}, {1}, {2}, 'c-1', 'lantern oil', 0)""",
                old.ToString().ToUpperInvariant(), room.ToString().ToUpperInvariant(), author.ToString().ToUpperInvariant());

            await DatabaseTarget.MigrateAsync(db);

            Assert.Equal(old, (await ClientKeys.Find(db, room, author, "c-1").SingleAsync()).Id);
            Assert.Equal(3, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'chat_messages'").SingleAsync());
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM chat_messages_fts WHERE chat_messages_fts MATCH 'lantern'").SingleAsync());
            using var writer = MessageRowWriter.For(db)!;
            Assert.Equal([false, true], writer.Insert([Message(room, author, "c-1", "a resend"), Message(room, author, "c-2", "new")]));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(file) + "*"))
            {
                File.Delete(f);
            }
        }
    }

    private static ChatMessage Message(Guid room, Guid author, string clientId, string body) => new()
    {
        Id = Guid.CreateVersion7(),
        RoomId = room,
        AuthorId = author,
        ClientId = clientId,
        Body = body,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
    };
}
