namespace Worldloom.Chat.Crypto;

/// <summary>An envelope taken apart, not yet verified or opened.</summary>
/// <param name="Epoch">The room key epoch it claims.</param>
/// <param name="SenderDeviceId">The device it claims.</param>
/// <param name="Nonce">12 bytes.</param>
/// <param name="Signature">64 bytes.</param>
/// <param name="Ciphertext">The AES-GCM ciphertext with its 16-byte tag at the end.</param>
public sealed record EnvelopeParts(int Epoch, Guid SenderDeviceId, byte[] Nonce, byte[] Signature, byte[] Ciphertext);
