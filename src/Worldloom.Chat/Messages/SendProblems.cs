using Microsoft.AspNetCore.Http;
using Worldloom.Chat.Encryption;
using Worldloom.Chat.Realtime;
using Worldloom.Platform.Problems;

namespace Worldloom.Chat.Messages;

/// <summary>A refused send as REST answers it: the protocol's error codes mapped onto problem details.</summary>
public static class SendProblems
{
    /// <summary>The problem for a refused <paramref name="outcome"/>.</summary>
    public static IResult From(SendOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Error switch
        {
            ChatErrors.NotFound => Problems.NotFound("room"),
            ChatErrors.NotMember => Problems.Forbidden(outcome.Detail ?? "join the room first."),
            EncryptionCodes.StaleKey or EncryptionCodes.NoRoomKey => new EnvelopeRefusal(outcome.Error, StatusCodes.Status409Conflict, outcome.Detail ?? outcome.Error, outcome.CurrentEpoch, outcome.Field ?? "body").ToProblem(),
            EncryptionCodes.Plaintext or EncryptionCodes.Malformed or EncryptionCodes.UnknownDevice or EncryptionCodes.BadSignature or EncryptionCodes.TooLong =>
                new EnvelopeRefusal(outcome.Error, StatusCodes.Status400BadRequest, outcome.Detail ?? outcome.Error, Field: outcome.Field ?? "body").ToProblem(),
            ChatErrors.Invalid => Problems.Field(outcome.Field ?? "body", outcome.Detail ?? "is invalid."),
            ChatErrors.Banned or ChatErrors.Muted => new Moderation.SendRefusal(
                outcome.Error, outcome.Detail ?? outcome.Error, outcome.Until, outcome.RetryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null).ToProblem(),
            _ => Problems.Forbidden(outcome.Detail ?? outcome.Error ?? "refused."),
        };
    }
}
