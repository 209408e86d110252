namespace Worldloom.Chat.Encryption;

/// <summary>One epoch's room key wrapped for one device (the format is <see cref="Crypto.RoomKeyWrap"/>); the server cannot open it.</summary>
public sealed class ChatRoomKey
{
    /// <summary>The room.</summary>
    public Guid RoomId { get; set; }

    /// <summary>The key epoch.</summary>
    public int Epoch { get; set; }

    /// <summary>The device that can unwrap it.</summary>
    public Guid DeviceId { get; set; }

    /// <summary>The device that wrapped and signed it.</summary>
    public Guid SenderDeviceId { get; set; }

    /// <summary>The 157-byte wrap.</summary>
    public required byte[] Wrapped { get; set; }

    /// <summary>When it was uploaded.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
