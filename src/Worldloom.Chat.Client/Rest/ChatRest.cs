using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Chat.Client.Realtime;

namespace Worldloom.Chat.Client.Rest;

/// <summary>
/// The REST side of chat (<c>docs/chat.md</c>) over an <see cref="HttpClient"/> that already carries the caller's
/// bearer token. Failures throw <see cref="ChatRestException"/> with the problem's detail.
/// </summary>
public sealed class ChatRest(HttpClient http)
{
    /// <summary>Rooms I am in, then public rooms I could join.</summary>
    public Task<IReadOnlyList<ChatRoom>> RoomsAsync(CancellationToken ct = default) => GetAsync<IReadOnlyList<ChatRoom>>("/api/chat/rooms", ct);

    /// <summary>One room.</summary>
    public Task<ChatRoom> RoomAsync(Guid roomId, CancellationToken ct = default) => GetAsync<ChatRoom>($"/api/chat/rooms/{roomId}", ct);

    /// <summary>Creates a room.</summary>
    public Task<ChatRoom> CreateRoomAsync(string name, string kind = "public", string? topic = null, CancellationToken ct = default) =>
        SendAsync<ChatRoom>(HttpMethod.Post, "/api/chat/rooms", new { name, kind, topic }, ct);

    /// <summary>Joins a public room.</summary>
    public Task<ChatRoom> JoinAsync(Guid roomId, CancellationToken ct = default) => SendAsync<ChatRoom>(HttpMethod.Post, $"/api/chat/rooms/{roomId}/join", null, ct);

    /// <summary>Leaves a room.</summary>
    public Task LeaveAsync(Guid roomId, CancellationToken ct = default) => SendAsync<JsonElement?>(HttpMethod.Post, $"/api/chat/rooms/{roomId}/leave", null, ct);

    /// <summary>Accepts an invite code; answers the room joined.</summary>
    public Task<ChatRoom> AcceptInviteAsync(string code, CancellationToken ct = default) =>
        SendAsync<ChatRoom>(HttpMethod.Post, $"/api/chat/invites/{Uri.EscapeDataString(code)}/accept", null, ct);

    /// <summary>Creates an invite (owners and moderators).</summary>
    public Task<JsonElement> InviteAsync(Guid roomId, int maxUses, int expiresInMinutes, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, "/api/chat/invites", new { roomId, maxUses, expiresInMinutes }, ct);

    /// <summary>The newest messages (or those before <paramref name="before"/>), returned oldest first.</summary>
    public async Task<IReadOnlyList<ChatMessage>> MessagesAsync(Guid roomId, int limit = 50, Guid? before = null, CancellationToken ct = default)
    {
        var page = await GetAsync<List<ChatMessage>>($"/api/chat/rooms/{roomId}/messages?limit={limit}" + (before is { } b ? $"&before={b}" : ""), ct);
        page.Reverse();
        return page;
    }

    /// <summary>Posts a message over REST (idempotent by <paramref name="clientId"/>), with any attached files.</summary>
    public Task<ChatMessage> PostAsync(
        Guid roomId, string body, Guid? replyTo = null, string? clientId = null, CancellationToken ct = default, IReadOnlyList<AttachmentRef>? attachments = null) =>
        SendAsync<ChatMessage>(HttpMethod.Post, $"/api/chat/rooms/{roomId}/messages", new { body, replyTo, clientId = clientId ?? ChatLink.NewClientId(), attachments }, ct);

    /// <summary>Edits my message.</summary>
    public Task<ChatMessage> EditAsync(Guid messageId, string body, CancellationToken ct = default) =>
        SendAsync<ChatMessage>(HttpMethod.Patch, $"/api/chat/messages/{messageId}", new { body }, ct);

    /// <summary>Deletes (tombstones) a message.</summary>
    public Task DeleteAsync(Guid messageId, CancellationToken ct = default) => SendAsync<JsonElement?>(HttpMethod.Delete, $"/api/chat/messages/{messageId}", null, ct);

    /// <summary>Earlier bodies of a message, oldest first.</summary>
    public Task<JsonElement> HistoryAsync(Guid messageId, CancellationToken ct = default) => GetAsync<JsonElement>($"/api/chat/messages/{messageId}/history", ct);

    /// <summary>Adds my reaction.</summary>
    public Task<ChatMessage> ReactAsync(Guid messageId, string emoji, CancellationToken ct = default) =>
        SendAsync<ChatMessage>(HttpMethod.Post, $"/api/chat/messages/{messageId}/reactions", new { emoji }, ct);

    /// <summary>Removes my reaction.</summary>
    public Task UnreactAsync(Guid messageId, string emoji, CancellationToken ct = default) =>
        SendAsync<JsonElement?>(HttpMethod.Delete, $"/api/chat/messages/{messageId}/reactions/{Uri.EscapeDataString(emoji)}", null, ct);

    /// <summary>Moves my read marker.</summary>
    public Task<ChatRoom> ReadAsync(Guid roomId, Guid messageId, CancellationToken ct = default) =>
        SendAsync<ChatRoom>(HttpMethod.Post, $"/api/chat/rooms/{roomId}/read", new { messageId }, ct);

    /// <summary>Opens (or finds) the direct conversation with a user.</summary>
    public Task<ChatRoom> DirectAsync(Guid userId, CancellationToken ct = default) =>
        SendAsync<ChatRoom>(HttpMethod.Post, "/api/chat/dms", new { userId }, ct);

    /// <summary>Users whose display name contains <paramref name="text"/> (for starting a DM).</summary>
    public Task<IReadOnlyList<ChatUser>> UsersAsync(string text, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<ChatUser>>("/api/chat/users?q=" + Uri.EscapeDataString(text), ct);

    /// <summary>Display names of users by id (unknown ids are left out).</summary>
    public Task<IReadOnlyList<ChatUser>> UsersAsync(IEnumerable<Guid> ids, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<ChatUser>>("/api/chat/users?ids=" + string.Join(',', ids), ct);

    /// <summary>Searches my rooms' messages, best match first.</summary>
    public Task<SearchPage> SearchAsync(string text, CancellationToken ct = default) =>
        GetAsync<SearchPage>("/api/chat/search?q=" + Uri.EscapeDataString(text), ct);

    /// <summary>GETs JSON from a chat route.</summary>
    internal async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        return await ReadAsync<T>(response, ct);
    }

    /// <summary>Sends a JSON body to a chat route.</summary>
    internal async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: ChatJson.Options);
        }

        using var response = await http.SendAsync(request, ct);
        return await ReadAsync<T>(response, ct);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ChatRestException(response.StatusCode, Detail(text) ?? response.ReasonPhrase ?? "request failed");
        }

        return response.StatusCode == HttpStatusCode.NoContent || text.Length == 0 ? default! : JsonSerializer.Deserialize<T>(text, ChatJson.Options)!;
    }

    private static string? Detail(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : doc.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
