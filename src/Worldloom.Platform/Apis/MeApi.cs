using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Data;
using Worldloom.Platform.Keys;
using Worldloom.Platform.Quotas;
using Worldloom.Platform.Tokens;

namespace Worldloom.Platform.Apis;

/// <summary><c>/api/me</c> and the public key set.</summary>
public static class MeApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/me", GetMeAsync).WithTags("Me").RequireAuthorization();
        routes.MapGet("/.well-known/jwks.json", (IKeyStore keys) =>
            TypedResults.Ok(new JwksDocument(keys.PublicKeys.Select(JsonWebKeyEntry.From).ToList()))).WithTags("Keys").AllowAnonymous();
        return routes;
    }

    /// <summary>The caller's account and quota.</summary>
    public static async Task<Results<Ok<MeView>, ProblemHttpResult>> GetMeAsync(ClaimsPrincipal principal, LoomDb db, IQuotaService quota, CancellationToken ct)
    {
        var id = principal.UserId();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Problems.Problems.Unauthorized("The account no longer exists.");
        }

        var status = await quota.GetAsync(user.Id, user.Tier, ct);
        return TypedResults.Ok(new MeView(user.Id, user.Email, user.DisplayName, user.Role, user.Tier, status));
    }
}
