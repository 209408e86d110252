namespace Worldloom.Chat.Encryption;

/// <summary>A wrapped room key for one of the caller's devices.</summary>
/// <param name="Epoch">Key epoch.</param>
/// <param name="DeviceId">The device it opens for.</param>
/// <param name="SenderDeviceId">The device that wrapped it: verify the wrap with its Ed25519 key.</param>
/// <param name="SenderUserId">That device's owner, whose device list (<c>/api/chat/users/{id}/devices</c>) holds the key.</param>
/// <param name="Wrapped">Base64 of the wrap.</param>
public sealed record RoomKeyView(int Epoch, Guid DeviceId, Guid SenderDeviceId, Guid SenderUserId, string Wrapped);
