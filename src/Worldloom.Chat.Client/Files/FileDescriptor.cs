using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Worldloom.Chat.Client.Files;

/// <summary>
/// Everything a recipient needs to fetch and open a shared file, including its secret: the uploader keeps it to resume,
/// and sends it inside the message that shares the file (encrypted with the message in end-to-end rooms).
/// </summary>
/// <param name="FileId">The server's id for the upload.</param>
/// <param name="RoomId">The room it was uploaded to.</param>
/// <param name="Name">The file name as given at upload.</param>
/// <param name="Size">Plaintext bytes.</param>
/// <param name="ChunkSize">Plaintext bytes per chunk.</param>
/// <param name="Chunks">Number of chunks.</param>
/// <param name="ContentType">Media type, when known.</param>
/// <param name="Key">The 32-byte AES key, base64url without padding.</param>
/// <param name="Nonce">The 8-byte nonce prefix, base64url without padding.</param>
public sealed record FileDescriptor(
    Guid FileId, Guid RoomId, string Name, long Size, int ChunkSize, int Chunks, string? ContentType, string Key, string Nonce)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The secret decoded from <see cref="Key"/> and <see cref="Nonce"/>.</summary>
    /// <exception cref="FormatException">Either is not base64url of the right length.</exception>
    public FileSecret Secret()
    {
        try
        {
            return new FileSecret(Base64Url.DecodeFromChars(Key), Base64Url.DecodeFromChars(Nonce));
        }
        catch (ArgumentException e)
        {
            throw new FormatException("The descriptor's key or nonce is malformed.", e);
        }
    }

    /// <summary>The descriptor as JSON, the form a message carries.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a descriptor from its JSON form.</summary>
    /// <exception cref="FormatException">The text is not a descriptor.</exception>
    public static FileDescriptor Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<FileDescriptor>(json, Json) ?? throw new FormatException("The descriptor is null.");
        }
        catch (JsonException e)
        {
            throw new FormatException("The text is not a file descriptor.", e);
        }
    }

    /// <summary>Encodes a secret's parts for <see cref="Key"/> and <see cref="Nonce"/>.</summary>
    public static (string Key, string Nonce) Encode(FileSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return (Base64Url.EncodeToString(secret.Key), Base64Url.EncodeToString(secret.NoncePrefix));
    }
}
