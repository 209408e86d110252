using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Projects;

namespace Worldloom.Cli.Bench;

/// <summary>Creates the bench's users through the server's own API: register, log in, and a few projects each.</summary>
internal static class BenchAccounts
{
    /// <summary>Projects each user owns, so <c>GET /api/projects</c> returns a list rather than an empty array.</summary>
    public const int ProjectsPerUser = 3;

    /// <summary>
    /// Creates <paramref name="users"/> accounts, each with <paramref name="projects"/> projects, and returns an access
    /// token for each.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CreateAsync(HttpClient client, int users, TextWriter log, CancellationToken ct, int projects = ProjectsPerUser)
    {
        // Unique per run, so a run against a long-lived server (--url) never collides with an earlier one's accounts.
        var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var tokens = new string[users];

        // Register and login each hash a password with Argon2id (19 MiB, two passes): more at once than there are cores
        // only queues them up.
        await Parallel.ForEachAsync(
            Enumerable.Range(0, users),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (i, token) => tokens[i] = await CreateOneAsync(client, $"bench-{run}-{i}@example.com", i, projects, log, token));
        return tokens;
    }

    private static async Task<string> CreateOneAsync(HttpClient client, string email, int index, int projects, TextWriter log, CancellationToken ct)
    {
        var password = "bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        using var registered = await SendAsync(client, () => Post("/api/auth/register", new RegisterRequest(email, password, $"Bench user {index}")), log, ct);
        using var login = await SendAsync(client, () => Post("/api/auth/login", new LoginRequest(email, password)), log, ct);
        var pair = await login.Content.ReadFromJsonAsync<TokenPair>(ct)
            ?? throw new InvalidOperationException("The login response had no body.");
        for (var p = 0; p < projects; p++)
        {
            var name = $"Bench project {p + 1}";
            using var created = await SendAsync(client, () =>
            {
                var request = Post("/api/projects", new ProjectCreate(name, "Created by loom bench api."));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pair.AccessToken);
                return request;
            }, log, ct);
        }

        return pair.AccessToken;
    }

    /// <summary>A POST of <paramref name="body"/> as JSON to <paramref name="path"/>.</summary>
    public static HttpRequestMessage Post<T>(string path, T body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };

    // Against a server of its own the bench raises the auth limit; against --url it cannot, so a 429 during setup is
    // waited out (Retry-After) rather than failed: the run takes longer, but measures the same thing.
    /// <summary>Sends what <paramref name="request"/> makes, waiting out 429s; a non-2xx answer throws <see cref="BenchSetupException"/>.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, Func<HttpRequestMessage> request, TextWriter log, CancellationToken ct)
    {
        while (true)
        {
            using var message = request();
            var response = await client.SendAsync(message, ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                response.Dispose();
                await log.WriteLineAsync($"setup: {message.RequestUri} is rate-limited; waiting {wait.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s as the server asks.");
                await Task.Delay(wait, ct);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    var body = await response.Content.ReadAsStringAsync(ct);
                    throw new BenchSetupException($"{message.Method} {message.RequestUri} answered {(int)response.StatusCode}: {body}");
                }
            }

            return response;
        }
    }
}
