namespace Worldloom.Chat.Client.E2e;

/// <summary>One wrap sent to the server: the room key sealed for <paramref name="DeviceId"/> by <paramref name="SenderDeviceId"/>.</summary>
/// <param name="DeviceId">Recipient device.</param>
/// <param name="SenderDeviceId">My device, which signed it.</param>
/// <param name="Wrapped">Base64 of the wrap.</param>
public sealed record KeyWrap(Guid DeviceId, Guid SenderDeviceId, string Wrapped);
