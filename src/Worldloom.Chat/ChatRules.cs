using System.Text.RegularExpressions;

namespace Worldloom.Chat;

/// <summary>The limits of chat input, in one place so the model, the validation and the docs agree.</summary>
public static partial class ChatRules
{
    /// <summary>Longest room name.</summary>
    public const int MaxRoomNameLength = 100;

    /// <summary>Longest room topic.</summary>
    public const int MaxTopicLength = 500;

    /// <summary>Longest message body, in UTF-16 code units.</summary>
    public const int MaxBodyLength = 4000;

    /// <summary>
    /// Longest stored body: an encrypted room's envelope of a 4,000-character message (see
    /// <see cref="Crypto.MessageEnvelope.MaxLength"/>); plaintext bodies stay within <see cref="MaxBodyLength"/>.
    /// </summary>
    public const int MaxStoredBodyLength = Crypto.MessageEnvelope.MaxLength;

    /// <summary>Longest client id.</summary>
    public const int MaxClientIdLength = 64;

    /// <summary>Longest reaction emoji, in UTF-16 code units (a flag or a family sequence needs several).</summary>
    public const int MaxEmojiLength = 16;

    /// <summary>Most messages one page returns.</summary>
    public const int MaxPage = 200;

    /// <summary>Messages one page returns when no limit is given.</summary>
    public const int DefaultPage = 50;

    /// <summary>Most uses one invite may allow.</summary>
    public const int MaxInviteUses = 1000;

    /// <summary>Longest an invite may live: 30 days.</summary>
    public const int MaxInviteMinutes = 30 * 24 * 60;

    /// <summary>A client id: 1–64 of <c>[A-Za-z0-9_-]</c>; <c>\z</c>, not <c>$</c>, so a trailing newline does not slip through.</summary>
    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,64}\z")]
    public static partial Regex ClientIdPattern();

    /// <summary>A reaction: 1–16 characters, none of them whitespace or control characters.</summary>
    public static bool IsEmoji(string? emoji) =>
        emoji is { Length: > 0 and <= MaxEmojiLength } && !emoji.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}
