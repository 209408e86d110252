namespace Worldloom.Chat.Encryption;

/// <summary>One wrapped room key in an upload.</summary>
/// <param name="DeviceId">The recipient device: one of a current member's, not revoked.</param>
/// <param name="SenderDeviceId">The caller's device that wrapped and signed it.</param>
/// <param name="Wrapped">Base64 of the 157-byte wrap.</param>
public sealed record WrapUpload(Guid? DeviceId, Guid? SenderDeviceId, string? Wrapped);
