using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Data;
using Worldloom.Realms;
using Worldloom.Realms.Characters;

namespace Worldloom.Cli.Bench;

/// <summary>
/// Worldloom's side of the realms bench's setup: admin accounts (realms are their owner's, and an owner may have only
/// 20 characters in one; admins may play in any realm), a generated world, a realm on it, one character per bot, and
/// the file telling the load generator which token and character each bot uses. Everything goes through the API except
/// making the accounts admins (as <c>loom admin create</c> does) and placing the characters in their zones.
/// </summary>
internal static class RealmsBenchWorld
{
    /// <summary>One bot's credentials and character, as the load generator reads them.</summary>
    /// <param name="Token">The access token it authenticates with.</param>
    /// <param name="CharacterId">The character it joins.</param>
    /// <param name="ZoneX">Column of the character's zone.</param>
    /// <param name="ZoneY">Row of the character's zone.</param>
    internal sealed record Slot(string Token, Guid CharacterId, int ZoneX, int ZoneY);

    /// <summary>Creates everything for <paramref name="bots"/> bots over <paramref name="zones"/> zones and returns one slot per bot.</summary>
    public static async Task<IReadOnlyList<Slot>> CreateAsync(BenchServer server, HttpClient client, int bots, int zones, TextWriter log, CancellationToken ct)
    {
        var accounts = (bots + RealmLimits.MaxCharactersPerRealm - 1) / RealmLimits.MaxCharactersPerRealm;
        await log.WriteLineAsync($"Creating {accounts} admin accounts ({RealmLimits.MaxCharactersPerRealm} characters each) ...");
        var tokens = await AdminsAsync(server, client, accounts, log, ct);

        // Zones are 128 tiles square; twice the zones asked for, so that enough of them have land and a player spawn.
        var side = 128 * (int)Math.Ceiling(Math.Sqrt(2.0 * zones));
        await log.WriteLineAsync($"Generating a {side} × {side} world and a realm on it ...");
        using var project = await Send(client, tokens[0], BenchAccounts.Post("/api/projects", new { name = "Realms bench" }), log, ct);
        var projectId = (await Json(project, ct)).GetProperty("id").GetGuid();
        using var worldAnswer = await Send(client, tokens[0], BenchAccounts.Post($"/api/projects/{projectId}/worlds", new { seed = "loom bench realms", size = side }), log, ct);
        var world = await Json(worldAnswer, ct);
        await WaitForJobAsync(client, tokens[0], world.GetProperty("jobId").GetGuid(), ct);
        using var realmAnswer = await Send(client, tokens[0], BenchAccounts.Post("/api/realms", new { worldId = world.GetProperty("id").GetGuid(), name = "Bench realm", preset = "world" }), log, ct);
        var realmId = (await Json(realmAnswer, ct)).GetProperty("id").GetGuid();
        using var realmRead = await Send(client, tokens[0], new HttpRequestMessage(HttpMethod.Get, $"/api/realms/{realmId}"), log, ct);
        var chosen = (await Json(realmRead, ct)).GetProperty("zones").EnumerateArray()
            .Where(z => z.GetProperty("spawns").GetInt32() > 0)
            .Select(z => (X: z.GetProperty("x").GetInt32(), Y: z.GetProperty("y").GetInt32()))
            .Take(zones)
            .ToList();
        if (chosen.Count < zones)
        {
            throw new BenchSetupException($"the generated world has {chosen.Count} zones with a player spawn, fewer than --zones {zones}.");
        }

        await log.WriteLineAsync($"Creating {bots} characters in zones {string.Join(" ", chosen.Select(z => $"{z.X},{z.Y}"))} ...");
        var characters = new Guid[bots];
        await Parallel.ForEachAsync(Enumerable.Range(0, bots), new ParallelOptions { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount, CancellationToken = ct }, async (i, token) =>
        {
            using var created = await Send(client, tokens[i / RealmLimits.MaxCharactersPerRealm],
                BenchAccounts.Post($"/api/realms/{realmId}/characters", new { name = "Bot " + i.ToString(CultureInfo.InvariantCulture), @class = "mage" }), log, token);
            characters[i] = (await Json(created, token)).GetProperty("id").GetGuid();
        });

        // The API places every new character in the realm's starting zone, and only walking over an exit moves one; the
        // bench writes their zones directly (position null: the zone's player spawn), as a zone's transfer would.
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
            for (var z = 0; z < chosen.Count; z++)
            {
                var ids = Enumerable.Range(0, bots).Where(i => i % zones == z).Select(i => characters[i]).ToList();
                var (x, y) = chosen[z];
                await db.Set<RealmCharacter>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.ZoneX, x).SetProperty(c => c.ZoneY, y).SetProperty(c => c.PositionX, (int?)null)
                        .SetProperty(c => c.PositionY, (int?)null).SetProperty(c => c.Version, c => c.Version + 1), ct);
            }
        }

        return [.. Enumerable.Range(0, bots).Select(i => new Slot(tokens[i / RealmLimits.MaxCharactersPerRealm], characters[i], chosen[i % zones].X, chosen[i % zones].Y))];
    }

    /// <summary>Writes <paramref name="slots"/> where only this user can read them (they hold access tokens); the caller deletes it.</summary>
    public static Task<string> WriteSetupFileAsync(IReadOnlyList<Slot> slots, CancellationToken ct) =>
        BenchSetupFile.WriteAsync("realms", new { bots = slots }, ct);

    private static async Task<string[]> AdminsAsync(BenchServer server, HttpClient client, int count, TextWriter log, CancellationToken ct)
    {
        var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var tokens = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, async (i, token) =>
        {
            var email = $"realms-bench-{run}-{i}@example.com";
            var password = "bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            using (var scope = server.Services.CreateScope())
            {
                _ = await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterAsync(email, password, $"Bench admin {i}", "cli", Roles.Admin, token)
                    ?? throw new BenchSetupException($"{email} exists already.");
            }

            using var login = await BenchAccounts.SendAsync(client, () => BenchAccounts.Post("/api/auth/login", new LoginRequest(email, password)), log, token);
            tokens[i] = (await login.Content.ReadFromJsonAsync<TokenPair>(token) ?? throw new BenchSetupException("the login answered no tokens.")).AccessToken;
        });
        return tokens;
    }

    private static async Task WaitForJobAsync(HttpClient client, string token, Guid job, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{job}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request, timeout.Token);
            var body = await Json(response, timeout.Token);
            var status = body.GetProperty("status").GetString();
            if (status == Worldloom.Platform.Jobs.JobStatus.Succeeded)
            {
                return;
            }

            if (Worldloom.Platform.Jobs.JobStatus.IsFinal(status!))
            {
                throw new BenchSetupException($"generating the world ended {status}: {body}");
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string token, HttpRequestMessage request, TextWriter log, CancellationToken ct)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var used = false;
        return BenchAccounts.SendAsync(client, () => used ? throw new BenchSetupException($"{request.RequestUri} was rate-limited and cannot be resent.") : Once(), log, ct);

        HttpRequestMessage Once()
        {
            used = true;
            return request;
        }
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, CancellationToken ct)
    {
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        return document.RootElement.Clone();
    }
}
