using System.Globalization;
using Microsoft.AspNetCore.Http;
using Worldloom.Platform.Problems;

namespace Worldloom.Platform.Quotas;

/// <summary>Maps quota decisions to HTTP: the <c>X-Quota-*</c> headers, and a 429 problem with <c>Retry-After</c> when spent.</summary>
public static class QuotaResults
{
    /// <summary>Writes <c>X-Quota-Limit</c>, <c>X-Quota-Remaining</c> and <c>X-Quota-Reset</c> (Unix seconds).</summary>
    public static void WriteHeaders(HttpResponse response, QuotaStatus status)
    {
        response.Headers["X-Quota-Limit"] = status.Limit?.ToString(CultureInfo.InvariantCulture) ?? "unlimited";
        response.Headers["X-Quota-Remaining"] = status.Remaining?.ToString(CultureInfo.InvariantCulture) ?? "unlimited";
        response.Headers["X-Quota-Reset"] = status.ResetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The 429 for a refused generation; <c>Retry-After</c> counts the seconds to the weekly reset.</summary>
    public static IResult Exceeded(QuotaStatus status, DateTimeOffset now) => new ExceededResult(status, now);

    private sealed class ExceededResult(QuotaStatus status, DateTimeOffset now) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            WriteHeaders(httpContext.Response, status);
            return Problems.Problems.TooManyRequests(
                    $"Weekly generation quota of {status.Limit} used up; it resets at {status.ResetsAt:yyyy-MM-dd HH:mm} UTC. A higher tier raises it.",
                    status.ResetsAt - now)
                .ExecuteAsync(httpContext);
        }
    }
}
