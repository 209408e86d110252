using System.Text;

namespace Worldloom.Chat.Crypto;

/// <summary>What a room key wrap is bound to: a wrap made for one room, epoch or device opens for no other.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="Epoch">The key epoch, 1 or more.</param>
/// <param name="RecipientDeviceId">The device that can unwrap it.</param>
/// <param name="SenderDeviceId">The device that made and signed it.</param>
public sealed record WrapContext(Guid RoomId, int Epoch, Guid RecipientDeviceId, Guid SenderDeviceId)
{
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("worldloom-chat-wrap-v1");

    /// <summary>
    /// <c>"worldloom-chat-wrap-v1" ‖ roomId(16) ‖ epoch(4, big-endian) ‖ recipientDeviceId(16) ‖ senderDeviceId(16)</c>:
    /// the HKDF info, the AES-GCM associated data, and the start of the signed bytes.
    /// </summary>
    public byte[] ToBytes()
    {
        if (Epoch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Epoch), "epochs start at 1.");
        }

        var epoch = new byte[4];
        CryptoBytes.UInt32(epoch, Epoch);
        return CryptoBytes.Concat(Domain, CryptoBytes.Id(RoomId), epoch, CryptoBytes.Id(RecipientDeviceId), CryptoBytes.Id(SenderDeviceId));
    }
}
