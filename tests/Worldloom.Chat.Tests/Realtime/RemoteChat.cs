using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace Worldloom.Chat.Tests.Realtime;

/// <summary>Chat against a real <c>loom serve</c> process over TCP: accounts, rooms and WebSockets.</summary>
public static class RemoteChat
{
    public const string Password = "correct horse battery staple";

    /// <summary>Registers a user through <paramref name="server"/>; returns their id, email, an authorized client and the access token.</summary>
    public static async Task<(Guid Id, string Email, HttpClient Client, string Token)> UserAsync(Uri server)
    {
        var email = $"u{Guid.NewGuid():N}@example.com";
        using var anonymous = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        using var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Tester" });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (_, client, token) = await LoginAsync(server, id, email);
        return (id, email, client, token);
    }

    public static async Task<(Guid Id, HttpClient Client, string Token)> LoginAsync(Uri server, Guid id, string email)
    {
        using var anonymous = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (id, client, token);
    }

    /// <summary>A WebSocket to <paramref name="server"/>, authenticated by its upgrade request; returns after <c>ready</c>.</summary>
    public static async Task<ChatSocket> ConnectAsync(Uri server, string token)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        await socket.ConnectAsync(new Uri(new Uri(server.ToString().Replace("http://", "ws://", StringComparison.Ordinal)), "/api/chat/ws"), CancellationToken.None);
        var chat = ChatSocket.Over(socket);
        await chat.ExpectAsync("ready");
        return chat;
    }
}
