namespace Worldloom.Chat.Client.E2e;

/// <summary>A room key wrapped for one of my devices (<c>GET /api/chat/rooms/{id}/keys</c>).</summary>
/// <param name="Epoch">Key epoch.</param>
/// <param name="DeviceId">The device it opens for.</param>
/// <param name="SenderDeviceId">The device that wrapped it.</param>
/// <param name="SenderUserId">That device's owner, whose device list must hold it.</param>
/// <param name="Wrapped">Base64 of the wrap.</param>
public sealed record WrappedKey(int Epoch, Guid DeviceId, Guid SenderDeviceId, Guid SenderUserId, string Wrapped);
