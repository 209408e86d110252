using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Worldloom.Cli.Bench;

/// <summary>
/// Worldloom's side of the chat bench's setup, through the server's own REST API: users, public rooms, memberships,
/// and the file telling the load generator which token and room each connection uses.
/// </summary>
internal static class ChatBenchRooms
{
    /// <summary>One connection's credentials and room, as the load generator reads them.</summary>
    /// <param name="Token">The access token it authenticates with.</param>
    /// <param name="RoomId">The room it subscribes and sends to.</param>
    internal sealed record Slot(string Token, Guid RoomId);

    /// <summary>
    /// Creates the users and rooms and joins each user to the rooms its connections use, then returns one slot per
    /// client. Client <c>i</c> is in room <c>i % rooms</c> as user <c>(i % rooms + i / rooms) % users</c>, so a room's
    /// clients are different users as far as there are enough, and each user's connections are spread over rooms.
    /// </summary>
    public static async Task<IReadOnlyList<Slot>> CreateAsync(HttpClient client, ChatBenchSettings settings, TextWriter log, CancellationToken ct)
    {
        var users = Math.Min(settings.Users, settings.Clients);
        await log.WriteLineAsync($"Creating {users} users, {settings.Rooms} public rooms and their memberships on {client.BaseAddress} ...");
        var tokens = await BenchAccounts.CreateAsync(client, users, log, ct, projects: 0);

        var rooms = new Guid[settings.Rooms];
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Rooms), Concurrency(ct), async (r, token) =>
        {
            using var created = await BenchAccounts.SendAsync(client, () => Authorized(
                BenchAccounts.Post("/api/chat/rooms", new { name = $"Bench room {r + 1}", topic = "Created by loom bench chat.", kind = "public" }), tokens[r % users]), log, token);
            using var body = await JsonDocument.ParseAsync(await created.Content.ReadAsStreamAsync(token), cancellationToken: token);
            rooms[r] = body.RootElement.GetProperty("id").GetGuid();
        });

        var slots = new Slot[settings.Clients];
        var joins = new HashSet<(int User, int Room)>();
        for (var i = 0; i < settings.Clients; i++)
        {
            var room = i % settings.Rooms;
            var user = (room + (i / settings.Rooms)) % users;
            slots[i] = new Slot(tokens[user], rooms[room]);
            if (user != room % users)
            {
                joins.Add((user, room));
            }
        }

        await Parallel.ForEachAsync(joins, Concurrency(ct), async (join, token) =>
        {
            using var joined = await BenchAccounts.SendAsync(client, () => Authorized(
                new HttpRequestMessage(HttpMethod.Post, $"/api/chat/rooms/{rooms[join.Room]}/join"), tokens[join.User]), log, token);
        });
        await log.WriteLineAsync($"Setup done: {joins.Count} joins besides the rooms' owners.");
        return slots;
    }

    /// <summary>
    /// Writes <paramref name="slots"/> where only this user can read them (they hold access tokens) and returns the
    /// path; the caller deletes it.
    /// </summary>
    public static Task<string> WriteSetupFileAsync(IReadOnlyList<Slot> slots, CancellationToken ct) =>
        BenchSetupFile.WriteAsync("chat", new { clients = slots }, ct);

    private static HttpRequestMessage Authorized(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    // The server shares the 2 cores; more requests in flight than that only queue.
    private static ParallelOptions Concurrency(CancellationToken ct) => new() { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount, CancellationToken = ct };
}
