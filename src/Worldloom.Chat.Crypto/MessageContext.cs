using System.Text;

namespace Worldloom.Chat.Crypto;

/// <summary>What a message envelope is bound to: replayed into another room, epoch or client id, or claimed by another device, it fails.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="Epoch">The room key's epoch, 1 or more.</param>
/// <param name="SenderDeviceId">The device that seals and signs.</param>
/// <param name="ClientId">The message's client id (1–64 of <c>[A-Za-z0-9_-]</c>); an edit keeps the message's.</param>
public sealed record MessageContext(Guid RoomId, int Epoch, Guid SenderDeviceId, string ClientId)
{
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("worldloom-chat-msg-v1");

    /// <summary>
    /// The associated data: <c>"worldloom-chat-msg-v1" ‖ roomId(16) ‖ epoch(4, big-endian) ‖ senderDeviceId(16) ‖
    /// len(clientId)(1) ‖ clientId (ASCII)</c>.
    /// </summary>
    public byte[] ToBytes()
    {
        ArgumentNullException.ThrowIfNull(ClientId);
        if (Epoch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Epoch), "epochs start at 1.");
        }

        if (ClientId.Length is < 1 or > 64 || !ClientId.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-'))
        {
            throw new ArgumentException("a client id is 1–64 of [A-Za-z0-9_-].", nameof(ClientId));
        }

        var epoch = new byte[4];
        CryptoBytes.UInt32(epoch, Epoch);
        return CryptoBytes.Concat(Domain, CryptoBytes.Id(RoomId), epoch, CryptoBytes.Id(SenderDeviceId), [(byte)ClientId.Length], Encoding.ASCII.GetBytes(ClientId));
    }
}
