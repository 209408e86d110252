using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Worldloom.Platform.Tokens;

/// <summary>Claim names the platform puts in its tokens, and readers for them.</summary>
public static class LoomClaims
{
    /// <summary>The user's role: user, moderator or admin.</summary>
    public const string Role = "role";

    /// <summary>The user's tier at issue time (informational; quota checks read the database).</summary>
    public const string Tier = "tier";

    /// <summary>The authenticated user's id from the <c>sub</c> claim.</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(JwtRegisteredClaimNames.Sub), out var id)
            ? id
            : throw new InvalidOperationException("The principal carries no user id.");
}
