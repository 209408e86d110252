namespace Worldloom.Chat.Encryption;

/// <summary>Body of <c>POST /api/chat/rooms/{id}/keys</c> (a new epoch) and <c>POST /api/chat/rooms/{id}/keys/{epoch}/wraps</c> (more wraps; epoch ignored).</summary>
/// <param name="Epoch">The new epoch: the room's current epoch + 1.</param>
/// <param name="Wraps">The new key wrapped for every device of every member.</param>
public sealed record RoomKeyUpload(int? Epoch, IReadOnlyList<WrapUpload>? Wraps);
