using System.Collections.Concurrent;

namespace Worldloom.Chat.Client.E2e;

/// <summary>
/// Other users' devices as the server lists them, cached per user. A device is only ever looked up under the user who
/// must own it (a message's author, a wrap's sender), so a device listed under someone else never vouches for them.
/// </summary>
public sealed class DeviceDirectory(E2eRest api)
{
    private readonly ConcurrentDictionary<Guid, IReadOnlyList<DeviceInfo>> _byUser = new();

    /// <summary>The Ed25519 key of <paramref name="userId"/>'s device <paramref name="deviceId"/>, refreshing the list once when it is not known; null when that user has no such device.</summary>
    public async Task<byte[]?> Ed25519Async(Guid userId, Guid deviceId, CancellationToken ct = default)
    {
        var device = Find(userId, deviceId) ?? Find(userId, deviceId, await RefreshAsync(userId, ct));
        return device is null ? null : Convert.FromBase64String(device.Ed25519);
    }

    /// <summary>A user's devices, fetched again.</summary>
    public async Task<IReadOnlyList<DeviceInfo>> RefreshAsync(Guid userId, CancellationToken ct = default)
    {
        var devices = await api.UserDevicesAsync(userId, ct);
        _byUser[userId] = devices;
        return devices;
    }

    private DeviceInfo? Find(Guid userId, Guid deviceId, IReadOnlyList<DeviceInfo>? devices = null)
    {
        devices ??= _byUser.GetValueOrDefault(userId);
        return devices?.FirstOrDefault(d => d.Id == deviceId && d.UserId == userId);
    }
}
