using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Worldloom.Chat.Invites;

/// <summary>Invite codes: 128 random bits as unpadded base64url (22 characters), stored only as their SHA-256.</summary>
public static class InviteCodes
{
    /// <summary>A new code.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>What is stored for <paramref name="code"/>.</summary>
    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
