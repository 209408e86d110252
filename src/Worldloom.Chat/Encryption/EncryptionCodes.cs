namespace Worldloom.Chat.Encryption;

/// <summary>The <c>code</c> of a refused body in an encrypted room, in the problem's extensions (REST) or the error event (WebSocket).</summary>
public static class EncryptionCodes
{
    /// <summary>400: the room is encrypted and the body is not an envelope.</summary>
    public const string Plaintext = "plaintext_in_encrypted_room";

    /// <summary>400: the body starts like an envelope but is not a well-formed one.</summary>
    public const string Malformed = "malformed_envelope";

    /// <summary>400: the envelope's device is not one of the author's devices, or it was revoked.</summary>
    public const string UnknownDevice = "unknown_device";

    /// <summary>400: the envelope's signature does not verify for this room, client id and device.</summary>
    public const string BadSignature = "bad_signature";

    /// <summary>409: the room has no key yet; a member must upload epoch 1 first.</summary>
    public const string NoRoomKey = "no_room_key";

    /// <summary>409: the envelope is not under the current epoch, or the current epoch must rotate first.</summary>
    public const string StaleKey = Realtime.ChatErrors.StaleKey;

    /// <summary>400: a plaintext body longer than 4,000 characters.</summary>
    public const string TooLong = "body_too_long";
}
