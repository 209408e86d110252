using Microsoft.AspNetCore.Http;

namespace Worldloom.Chat.Moderation;

/// <summary>
/// Why a user may not post, edit or react in a room right now. <see cref="Code"/> is the real-time protocol's error code
/// (<c>not_member</c>, <c>banned</c>, <c>muted</c>); REST answers 403 with the same code and detail.
/// </summary>
/// <param name="Code">One of <see cref="SendPolicy.NotMember"/>, <see cref="SendPolicy.Banned"/>, <see cref="SendPolicy.Muted"/>.</param>
/// <param name="Detail">A sentence for the user, naming until when where there is an end.</param>
/// <param name="Until">When the refusal ends by itself (a mute, a timed ban); null when it does not.</param>
/// <param name="RetryAfter">How long from now until <paramref name="Until"/>; null when it does not end by itself.</param>
public sealed record SendRefusal(string Code, string Detail, DateTimeOffset? Until, TimeSpan? RetryAfter)
{
    /// <summary>The REST answer: 403 problem with <c>code</c> (and <c>until</c>) as extensions, and <c>Retry-After</c> when it ends.</summary>
    public IResult ToProblem()
    {
        var extensions = new Dictionary<string, object?> { ["code"] = Code };
        if (Until is { } until)
        {
            extensions["until"] = until;
        }

        var problem = TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: Detail, extensions: extensions);
        return RetryAfter is { } wait ? new RetryAfterProblem(problem, wait) : problem;
    }

    private sealed class RetryAfterProblem(IResult inner, TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = Platform.Problems.Problems.RetryAfterSeconds(wait).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
