namespace Worldloom.Chat.Messages;

/// <summary>An attachment whose shape was checked, on its way to the room's writer, which checks the file and the key.</summary>
/// <param name="FileId">The file.</param>
/// <param name="Key">Its secret, as sent.</param>
[GenerateSerializer]
[Immutable]
public sealed record AttachmentRef([property: Id(0)] Guid FileId, [property: Id(1)] string Key);
