namespace Worldloom.Chat.Moderation;

/// <summary>What resolving a report does to the reported message or its author.</summary>
public static class ReportActions
{
    /// <summary>Nothing: the report was unfounded.</summary>
    public const string Dismiss = "dismiss";

    /// <summary>Deletes the message (a tombstone).</summary>
    public const string Delete = "delete";

    /// <summary>Removes the author from the room.</summary>
    public const string Kick = "kick";

    /// <summary>Bans the author from the room (for <c>minutes</c>, or for good).</summary>
    public const string Ban = "ban";

    /// <summary>Mutes the author in the room for <c>minutes</c>.</summary>
    public const string Mute = "mute";

    /// <summary>Every action.</summary>
    public static readonly IReadOnlyList<string> All = [Dismiss, Delete, Kick, Ban, Mute];
}
