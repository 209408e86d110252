using Worldloom.Platform.Problems;

namespace Worldloom.Chat.Moderation;

/// <summary>Checks of the fields moderation requests share.</summary>
internal static class ModerationInput
{
    /// <summary>An optional reason: trimmed, at most 500 characters; empty when absent.</summary>
    public static string Reason(Validation v, string? reason)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length > ModerationRules.MaxReasonLength)
        {
            v.Add("reason", $"must be at most {ModerationRules.MaxReasonLength} characters.");
        }

        return trimmed;
    }

    /// <summary>A required mute length: 1 minute to 30 days.</summary>
    public static void MuteMinutes(Validation v, int? minutes)
    {
        if (minutes is not (>= 1 and <= ModerationRules.MaxMuteMinutes))
        {
            v.Add("minutes", $"is required: 1 to {ModerationRules.MaxMuteMinutes} (30 days).");
        }
    }

    /// <summary>An optional ban length: 1 minute to one year; null is permanent.</summary>
    public static void BanMinutes(Validation v, int? minutes)
    {
        if (minutes is not null and not (>= 1 and <= ModerationRules.MaxBanMinutes))
        {
            v.Add("minutes", $"must be 1 to {ModerationRules.MaxBanMinutes} (one year), or null for a permanent ban.");
        }
    }
}
