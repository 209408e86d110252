using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;

namespace Worldloom.Platform.Apis;

/// <summary><c>/api/auth</c>: register, login, refresh, logout.</summary>
public static class AuthApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Auth").AllowAnonymous().RequireRateLimiting(RateLimits.AuthPolicy);
        group.MapPost("/register", RegisterAsync);
        group.MapPost("/login", LoginAsync);
        group.MapPost("/refresh", RefreshAsync);
        group.MapPost("/logout", LogoutAsync);
        return routes;
    }

    /// <summary>Creates an account.</summary>
    public static async Task<Results<Created<UserView>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest body, AccountService accounts, HttpContext http, CancellationToken ct)
    {
        var v = new Validation();
        var email = AccountRules.Email(v, body.Email);
        var displayName = v.Text("displayName", body.DisplayName, 100);
        AccountRules.Password(v, body.Password);
        if (v.Failed)
        {
            return v.Problem();
        }

        var user = await accounts.RegisterAsync(email, body.Password!, displayName, http.ClientIp(), ct: ct);
        return user is null
            ? Problems.Problems.Conflict("email", "An account with this email already exists.")
            : TypedResults.Created($"/api/admin/users/{user.Id}", UserView.From(user));
    }

    /// <summary>Exchanges email and password for a token pair.</summary>
    public static async Task<IResult> LoginAsync(LoginRequest body, AccountService accounts, HttpContext http, CancellationToken ct)
    {
        var v = new Validation();
        if (string.IsNullOrWhiteSpace(body.Email))
        {
            v.Add("email", "is required.");
        }
        else if (body.Email.Length > 254)
        {
            v.Add("email", "must be at most 254 characters.");
        }

        if (string.IsNullOrEmpty(body.Password))
        {
            v.Add("password", "is required.");
        }
        else if (body.Password.Length > PasswordHasher.MaxLength)
        {
            v.Add("password", $"must be at most {PasswordHasher.MaxLength} characters.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        return await accounts.LoginAsync(body.Email!, body.Password!, http.ClientIp(), ct) switch
        {
            AccountService.LoggedIn ok => TypedResults.Ok(ok.Tokens),
            AccountService.Throttled t => Problems.Problems.TooManyRequests(t.Detail, t.RetryAfter),
            _ => Problems.Problems.Unauthorized("Invalid email or password."),
        };
    }

    /// <summary>Rotates a refresh token.</summary>
    public static async Task<Results<Ok<TokenPair>, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        RefreshRequest body, AccountService accounts, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.RefreshToken) || body.RefreshToken.Length > 200)
        {
            return Problems.Problems.Field("refreshToken", "is required and at most 200 characters.");
        }

        var pair = await accounts.RefreshAsync(body.RefreshToken, http.ClientIp(), ct);
        return pair is null ? Problems.Problems.Unauthorized("The refresh token is invalid, expired, revoked or already used.") : TypedResults.Ok(pair);
    }

    /// <summary>Revokes the refresh token's family.</summary>
    public static async Task<Results<NoContent, ValidationProblem>> LogoutAsync(
        RefreshRequest body, AccountService accounts, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.RefreshToken) || body.RefreshToken.Length > 200)
        {
            return Problems.Problems.Field("refreshToken", "is required and at most 200 characters.");
        }

        await accounts.LogoutAsync(body.RefreshToken, http.ClientIp(), ct);
        return TypedResults.NoContent();
    }
}
