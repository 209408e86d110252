namespace Worldloom.Chat.Encryption;

/// <summary>Answer of <c>GET /api/chat/rooms/{id}/keys/missing</c>.</summary>
/// <param name="Epoch">The room's current epoch (0: none yet).</param>
/// <param name="RotationNeeded">Whether the next upload must be a new epoch rather than more wraps.</param>
/// <param name="Devices">Current members' devices without a wrap of the current epoch.</param>
public sealed record MissingKeysView(int Epoch, bool RotationNeeded, IReadOnlyList<DeviceView> Devices);
