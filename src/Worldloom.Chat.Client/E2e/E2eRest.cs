using System.Net;
using Worldloom.Chat.Client.Rest;

namespace Worldloom.Chat.Client.E2e;

/// <summary>The device and room-key routes of <c>docs/chat-security.md</c>, over <see cref="ChatRest"/>'s client.</summary>
public sealed class E2eRest(ChatRest rest)
{
    /// <summary>The REST client underneath.</summary>
    public ChatRest Rest { get; } = rest ?? throw new ArgumentNullException(nameof(rest));

    /// <summary>Registers a device's public keys; registering the same keys again answers the same device.</summary>
    public Task<DeviceInfo> RegisterAsync(string name, string x25519, string ed25519, string signature, CancellationToken ct = default) =>
        Rest.SendAsync<DeviceInfo>(HttpMethod.Post, "/api/chat/devices", new { name, x25519, ed25519, signature }, ct);

    /// <summary>My devices, revoked ones included.</summary>
    public Task<IReadOnlyList<DeviceInfo>> MyDevicesAsync(CancellationToken ct = default) =>
        Rest.GetAsync<IReadOnlyList<DeviceInfo>>("/api/chat/devices", ct);

    /// <summary>A user's devices, revoked ones included (their old signatures still verify).</summary>
    public Task<IReadOnlyList<DeviceInfo>> UserDevicesAsync(Guid userId, CancellationToken ct = default) =>
        Rest.GetAsync<IReadOnlyList<DeviceInfo>>($"/api/chat/users/{userId}/devices", ct);

    /// <summary>Current members' devices: whom a new epoch must cover.</summary>
    public Task<IReadOnlyList<DeviceInfo>> RoomDevicesAsync(Guid roomId, CancellationToken ct = default) =>
        Rest.GetAsync<IReadOnlyList<DeviceInfo>>($"/api/chat/rooms/{roomId}/devices", ct);

    /// <summary>The wraps for my device, every epoch it has.</summary>
    public Task<IReadOnlyList<WrappedKey>> KeysAsync(Guid roomId, Guid deviceId, CancellationToken ct = default) =>
        Rest.GetAsync<IReadOnlyList<WrappedKey>>($"/api/chat/rooms/{roomId}/keys?deviceId={deviceId}", ct);

    /// <summary>Members' devices lacking the current epoch.</summary>
    public Task<MissingKeys> MissingAsync(Guid roomId, CancellationToken ct = default) =>
        Rest.GetAsync<MissingKeys>($"/api/chat/rooms/{roomId}/keys/missing", ct);

    /// <summary>Uploads a new epoch; a 409 (<see cref="ChatRestException"/>) means another member won the race or the member set changed.</summary>
    public Task<ChatRoom> NewEpochAsync(Guid roomId, int epoch, IReadOnlyList<KeyWrap> wraps, CancellationToken ct = default) =>
        Rest.SendAsync<ChatRoom>(HttpMethod.Post, $"/api/chat/rooms/{roomId}/keys", new { epoch, wraps }, ct);

    /// <summary>Adds wraps of an existing epoch (for a newcomer or a new device).</summary>
    public Task AddWrapsAsync(Guid roomId, int epoch, IReadOnlyList<KeyWrap> wraps, CancellationToken ct = default) =>
        Rest.SendAsync<System.Text.Json.JsonElement?>(HttpMethod.Post, $"/api/chat/rooms/{roomId}/keys/{epoch}/wraps", new { wraps }, ct);

    /// <summary>Whether a REST failure is the race answer (409) that a retry resolves.</summary>
    public static bool IsConflict(Exception e) => e is ChatRestException { Status: HttpStatusCode.Conflict };
}
