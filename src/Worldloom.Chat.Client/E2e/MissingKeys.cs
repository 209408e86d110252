namespace Worldloom.Chat.Client.E2e;

/// <summary>Answer of <c>GET /api/chat/rooms/{id}/keys/missing</c>.</summary>
/// <param name="Epoch">The room's current epoch.</param>
/// <param name="RotationNeeded">Whether the next upload must be a new epoch.</param>
/// <param name="Devices">Members' devices without a wrap of the current epoch.</param>
public sealed record MissingKeys(int Epoch, bool RotationNeeded, IReadOnlyList<DeviceInfo> Devices);
