using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Worldloom.Platform.Problems;

/// <summary>
/// The one way endpoints report failure: RFC 9457 problem details. Validation problems name the field in
/// <c>errors</c> and repeat it in <c>detail</c>, so a client that only shows <c>detail</c> still says what was wrong.
/// </summary>
public static class Problems
{
    /// <summary>400 for one bad field.</summary>
    public static ValidationProblem Field(string field, string message) =>
        Fields(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>400 for several bad fields.</summary>
    public static ValidationProblem Fields(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            detail: string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            title: "The request has invalid fields.");

    /// <summary>404 that does not say whether the thing exists for someone else.</summary>
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No {what} with that id.");

    /// <summary>401 with a reason.</summary>
    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.", detail: detail);

    /// <summary>403 with a reason.</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: detail);

    /// <summary>409 naming the conflicting field.</summary>
    public static ProblemHttpResult Conflict(string field, string detail) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Conflict.",
            detail: $"{field}: {detail}",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });

    /// <summary>429 with a <c>Retry-After</c> header.</summary>
    public static IResult TooManyRequests(string detail, TimeSpan retryAfter) =>
        new RetryAfterResult(
            TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.", detail: detail),
            retryAfter);

    /// <summary>Wraps a problem so that it also sends <c>Retry-After</c> in whole seconds (at least 1).</summary>
    private sealed class RetryAfterResult(IResult inner, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }

    /// <summary>Whole seconds for a Retry-After header, rounded up, never zero.</summary>
    public static long RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
}
