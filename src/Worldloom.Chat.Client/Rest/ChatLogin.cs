using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Chat.Client.Realtime;

namespace Worldloom.Chat.Client.Rest;

/// <summary>
/// A signed-in session against <c>/api/auth</c>: holds the token pair in memory only and refreshes the access token
/// shortly before it expires (refresh tokens are single-use, so refreshes are serialized).
/// </summary>
public sealed class ChatLogin
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string _access;
    private string _refresh;
    private DateTimeOffset _expires;

    private ChatLogin(HttpClient http, TimeProvider time, JsonElement pair)
    {
        _http = http;
        _time = time;
        (_access, _refresh, _expires) = Read(pair, time);
    }

    /// <summary>Logs in with email and password.</summary>
    public static async Task<ChatLogin> SignInAsync(HttpClient http, string email, string password, TimeProvider? time = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password }, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ChatRestException(response.StatusCode, "sign-in refused (" + (int)response.StatusCode + ")");
        }

        return new ChatLogin(http, time ?? TimeProvider.System, JsonDocument.Parse(text).RootElement);
    }

    /// <summary>Wraps a token pair obtained elsewhere.</summary>
    public static ChatLogin From(HttpClient http, string accessToken, string refreshToken, int expiresInSeconds, TimeProvider? time = null)
    {
        var pair = JsonSerializer.SerializeToElement(new { accessToken, refreshToken, expiresIn = expiresInSeconds });
        return new ChatLogin(http, time ?? TimeProvider.System, pair);
    }

    /// <summary>A current access token, refreshed when less than a minute of it is left.</summary>
    public async Task<string> AccessTokenAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_expires - _time.GetUtcNow() > TimeSpan.FromMinutes(1))
            {
                return _access;
            }

            using var response = await _http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = _refresh }, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new ChatRestException(response.StatusCode, "the session could not be refreshed; sign in again");
            }

            (_access, _refresh, _expires) = Read(JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement, _time);
            return _access;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>An <see cref="HttpMessageHandler"/> that puts a current token on each request.</summary>
    public DelegatingHandler Handler(HttpMessageHandler inner) => new BearerHandler(this) { InnerHandler = inner };

    private static (string, string, DateTimeOffset) Read(JsonElement pair, TimeProvider time) =>
        (pair.GetProperty("accessToken").GetString()!, pair.GetProperty("refreshToken").GetString()!,
         time.GetUtcNow().AddSeconds(pair.GetProperty("expiresIn").GetInt32()));

    private sealed class BearerHandler(ChatLogin login) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new("Bearer", await login.AccessTokenAsync(cancellationToken));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
