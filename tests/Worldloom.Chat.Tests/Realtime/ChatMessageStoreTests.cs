using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Chat.Messages;
using Worldloom.Chat.Realtime;
using Worldloom.Platform.Data;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Realtime;

/// <summary>The group commit against the real database: what it writes, and resends that race their first copy.</summary>
[Trait("Category", "Integration")]
public sealed class ChatMessageStoreTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task StoredRows_ReadBackThroughEf_WithEveryColumn()
    {
        var host = fixture.Host;
        var store = host.Services.GetRequiredService<ChatMessageStore>();
        var room = Guid.NewGuid();
        var full = Message(room, "full", "with everything");
        full.ReplyToId = Guid.NewGuid();
        full.Attachments = "[{\"id\":\"x\"}]";
        full.EditedAt = full.CreatedAt.AddMinutes(1);
        var bare = Message(room, "bare", "just text");

        var results = await Task.WhenAll(store.StoreAsync(full), store.StoreAsync(bare));
        Assert.Equal(new[] { true, true }, results);

        var stored = await host.WithDbAsync(db => db.Set<ChatMessage>().AsNoTracking().Where(m => m.RoomId == room).ToListAsync());
        Assert.Equal(2, stored.Count);
        foreach (var expected in new[] { full, bare })
        {
            Assert.Equivalent(expected, stored.Single(m => m.Id == expected.Id), strict: true);
        }
    }

    [Fact]
    public async Task ResendsInOneBatch_AreStoredOnce_AndTheOthersAreToldTheyAreDuplicates()
    {
        var host = fixture.Host;
        var store = host.Services.GetRequiredService<ChatMessageStore>();
        var room = Guid.NewGuid();
        var author = Guid.NewGuid();

        // Queued together, so they most likely share a transaction, which the unique index then rolls back.
        var results = await Task.WhenAll(
            store.StoreAsync(Message(room, "same", "first", author)),
            store.StoreAsync(Message(room, "other", "second", author)),
            store.StoreAsync(Message(room, "same", "first again", author)));

        Assert.Equal(new[] { true, true, false }, results);
        var bodies = await host.WithDbAsync(db => db.Set<ChatMessage>().Where(m => m.RoomId == room).Select(m => m.Body).OrderBy(b => b).ToListAsync());
        Assert.Equal(new[] { "first", "second" }, bodies);
    }

    [Fact]
    public async Task EachCommit_IsRecordedWithItsMessages()
    {
        var store = fixture.Host.Services.GetRequiredService<ChatMessageStore>();
        long messages = 0;
        var durations = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ChatMetrics.MeterName && instrument.Name.StartsWith("loom.chat.store.commit.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => Interlocked.Add(ref messages, value));
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => Interlocked.Increment(ref durations));
        listener.Start();

        var room = Guid.NewGuid();
        Assert.Equal(new[] { true, true }, await Task.WhenAll(store.StoreAsync(Message(room, "x", "one")), store.StoreAsync(Message(room, "y", "two"))));

        // Other tests' hosts share the process's meters, so this counts at least ours.
        Assert.True(Interlocked.Read(ref messages) >= 2, $"{messages} messages recorded");
        Assert.True(Volatile.Read(ref durations) >= 1, $"{durations} commits recorded");
    }

    [Fact]
    public async Task RowWriter_AfterABatchRolledBack_WritesTheNextOnItsReopenedConnection()
    {
        var host = fixture.Host;
        using var scope = host.Services.CreateScope();
        using var writer = MessageRowWriter.For(scope.ServiceProvider.GetRequiredService<LoomDb>());
        if (writer is null)
        {
            return; // PostgreSQL: the store uses SaveChanges there, covered by the tests above.
        }

        var room = Guid.NewGuid();
        var author = Guid.NewGuid();
        var first = Message(room, "a", "one", author);
        Assert.Equal([true, false], writer.Insert([first, Message(room, "a", "one again", author)]));
        // A second row with the first one's id breaks the primary key: the whole batch rolls back.
        var clash = Message(room, "c", "clash", author);
        clash.Id = first.Id;
        Assert.ThrowsAny<System.Data.Common.DbException>(() => writer.Insert([Message(room, "b", "two", author), clash]));
        Assert.Equal([true], writer.Insert([Message(room, "d", "three", author)]));

        var bodies = await host.WithDbAsync(db => db.Set<ChatMessage>().Where(m => m.RoomId == room).Select(m => m.Body).OrderBy(b => b).ToListAsync());
        Assert.Equal(new[] { "one", "three" }, bodies);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RowWriter_WritesTheBytesSaveChangesWrites_ForEveryColumn(bool everyColumnSet)
    {
        using var scope = fixture.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        using var writer = MessageRowWriter.For(db);
        if (writer is null)
        {
            return; // PostgreSQL: the store uses SaveChanges there.
        }

        // Every column set, or every nullable one null; text beyond ASCII (the writer binds UTF-16; SaveChanges binds
        // UTF-8), GUIDs with letters.
        var message = Message(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), everyColumnSet ? "ç-😀-a" : "ç-😀-b", "héllo 😀 wörld — 你好", Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
        if (everyColumnSet)
        {
            message.ReplyToId = Guid.Parse("a3bb189e-8bf9-3888-9912-ace4e6543002");
            message.Attachments = "[{\"id\":\"ä\"}]";
            message.EditedAt = message.CreatedAt.AddMinutes(1);
            message.DeletedAt = message.CreatedAt.AddMinutes(2);
        }

        Assert.Equal([true], writer.Insert([message]));
        var written = await QuotedRowAsync(db, message.Id);
        await db.Set<ChatMessage>().Where(m => m.Id == message.Id).ExecuteDeleteAsync();
        // SaveChanges knows nothing of the hash (the writer computes it), so it is given here.
        db.Add(message).Property(ClientKeys.Column).CurrentValue = ClientKeys.Of(message.RoomId, message.AuthorId, message.ClientId);
        await db.SaveChangesAsync();
        var saved = await QuotedRowAsync(db, message.Id);

        Assert.Equal(saved, written);
        Assert.Contains("RoomId='0F8FAD5B-D9CB-469F-A165-70867728950E'", written);
        Assert.Equal(everyColumnSet ? 0 : 4, written.Count(c => c.EndsWith("=NULL", StringComparison.Ordinal)));
    }

    /// <summary>Each column of the message's row as SQLite's <c>quote()</c> writes it: type and exact value.</summary>
    private static async Task<string[]> QuotedRowAsync(LoomDb db, Guid id)
    {
        var entity = db.Model.FindEntityType(typeof(ChatMessage))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => p.GetColumnName(table)!).ToArray();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"quote(\"{c}\")"))} FROM \"{table.Name}\" WHERE \"Id\" = @id";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = id.ToString().ToUpperInvariant();
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), "the row is stored");
            return [.. columns.Select((c, i) => $"{c}={reader.GetString(i)}")];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static ChatMessage Message(Guid room, string clientId, string body, Guid? author = null) => new()
    {
        Id = Guid.CreateVersion7(),
        RoomId = room,
        AuthorId = author ?? Guid.NewGuid(),
        ClientId = clientId,
        Body = body,
        // Whole milliseconds: that is what the database keeps.
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
    };
}
