using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests;

/// <summary>Shared steps of the Chat API tests: rooms and messages.</summary>
public static class ChatApi
{
    public static async Task<Guid> RoomAsync(TestUser user, string kind = "public", Guid? projectId = null)
    {
        var response = await user.Client.PostAsJsonAsync("/api/chat/rooms", new { name = "Tavern", topic = "rumours", kind, projectId });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> PostAsync(TestUser user, Guid room, string body, string? clientId = null, Guid? replyTo = null) =>
        user.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/messages", new { body, clientId = clientId ?? Guid.NewGuid().ToString("N"), replyTo });

    /// <summary>Posts and expects 201; returns the message.</summary>
    public static async Task<JsonElement> MessageAsync(TestUser user, Guid room, string body, Guid? replyTo = null)
    {
        var response = await PostAsync(user, room, body, replyTo: replyTo);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task JoinAsync(TestUser user, Guid room)
    {
        var response = await user.Client.PostAsync($"/api/chat/rooms/{room}/join", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<JsonElement> GetAsync(TestUser user, string path) =>
        await JsonAsync(await user.Client.GetAsync(path), HttpStatusCode.OK);

    public static StringContent Raw(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
