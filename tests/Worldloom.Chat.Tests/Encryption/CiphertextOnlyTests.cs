using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Worldloom.Chat.Messages;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Encryption;

/// <summary>The server stores and logs ciphertext only: the plaintext of an encrypted room never reaches the database or a log line.</summary>
[Trait("Category", "Integration")]
public sealed class CiphertextOnlyTests
{
    [Fact]
    public async Task Plaintext_NeverReachesTheDatabaseOrTheLogs()
    {
        var logs = new LogSink();
        await using var host = await LoomHost.StartAsync(configure: b =>
        {
            b.Logging.AddProvider(logs);
            b.Logging.SetMinimumLevel(LogLevel.Trace);
        });
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        using var a1 = await E2eDevice.RegisterAsync(alice);
        using var b1 = await E2eDevice.RegisterAsync(bob);
        var key = await a1.NewEpochAsync(room);
        var secrets = new[] { "Zanzibar-7741-marmalade", "Quixotic-0093-lanterns", "Ünïcødé-secret-東京-🐉" };

        var posted = await ChatApi.JsonAsync(await a1.PostAsync(room, 1, key, secrets[0], "c-1"), HttpStatusCode.Created);
        var id = posted.GetProperty("id").GetGuid();
        await ChatApi.JsonAsync(await alice.Client.PatchAsync($"/api/chat/messages/{id}", JsonBody(a1.Seal(room, 1, key, secrets[1], "c-1"))), HttpStatusCode.OK);
        await ChatApi.JsonAsync(await b1.PostAsync(room, 1, key, secrets[2], "c-2"), HttpStatusCode.Created);
        // A refused plaintext post must not land anywhere either (a log line quoting a bad body would).
        Assert.Equal(HttpStatusCode.BadRequest, (await ChatApi.PostAsync(alice, room, "Plain-0000-refused-body", "c-3")).StatusCode);

        // The messages are readable to the members, so the secrets did travel: through the clients only.
        var keys = await b1.KeysAsync(room);
        var page = await ChatApi.GetAsync(bob, $"/api/chat/rooms/{room}/messages");
        Assert.Equal([secrets[2], secrets[1]], await Task.WhenAll(page.EnumerateArray().Select(m => b1.OpenAsync(m, keys))));

        var stored = await host.WithDbAsync(db => db.Set<ChatMessage>().AsNoTracking().Select(m => m.Body)
            .Concat(db.Set<ChatMessageRevision>().AsNoTracking().Select(r => r.Body)).ToListAsync());
        Assert.Equal(3, stored.Count);
        Assert.All(stored, b => Assert.StartsWith("e1.", b, StringComparison.Ordinal));
        Assert.NotEmpty(logs.Lines);
        foreach (var secret in secrets.Append("Plain-0000-refused-body"))
        {
            Assert.DoesNotContain(logs.Lines, l => l.ToString().Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(stored, b => b.Contains(secret, StringComparison.Ordinal));
        }

        if (host.Database is null)
        {
            // SQLite: every byte of the data dir (the database, its WAL and shared memory, anything else written there),
            // searched for the UTF-8 and UTF-16 forms of each secret.
            var files = Directory.EnumerateFiles(host.DataDir, "*", SearchOption.AllDirectories).ToList();
            Assert.Contains(files, f => f.EndsWith(".db", StringComparison.Ordinal) || f.Contains("sqlite", StringComparison.OrdinalIgnoreCase) || f.EndsWith("-wal", StringComparison.Ordinal));
            foreach (var file in files)
            {
                var bytes = await ReadSharedAsync(file);
                foreach (var secret in secrets.Append("Plain-0000-refused-body"))
                {
                    Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{secret} found in {file}");
                    Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) < 0, $"{secret} (UTF-16) found in {file}");
                }
            }
        }
    }

    private static StringContent JsonBody(string body) => ChatApi.Raw(System.Text.Json.JsonSerializer.Serialize(new { body }));

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }
}
