using Microsoft.AspNetCore.Http;
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
            ChatErrors.Invalid => Problems.Field(outcome.Field ?? "body", outcome.Detail ?? "is invalid."),
            _ => Problems.Forbidden(outcome.Detail ?? outcome.Error ?? "refused."),
        };
    }
}
