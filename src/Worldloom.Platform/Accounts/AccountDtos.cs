namespace Worldloom.Platform.Accounts;

/// <summary>Body of <c>POST /api/auth/register</c>. Fields are nullable so a missing one is reported by name.</summary>
/// <param name="Email">Login and contact address.</param>
/// <param name="Password">At least 12 characters.</param>
/// <param name="DisplayName">Name shown to others.</param>
public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

/// <summary>Body of <c>POST /api/auth/login</c>.</summary>
/// <param name="Email">Account email.</param>
/// <param name="Password">Account password.</param>
public sealed record LoginRequest(string? Email, string? Password);

/// <summary>Body of <c>POST /api/auth/refresh</c> and <c>/logout</c>.</summary>
/// <param name="RefreshToken">The opaque refresh token.</param>
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>A fresh token pair.</summary>
/// <param name="AccessToken">EdDSA JWT for the <c>Authorization: Bearer</c> header.</param>
/// <param name="RefreshToken">Opaque, single-use; exchange it at <c>/api/auth/refresh</c>.</param>
/// <param name="ExpiresIn">Access-token lifetime in seconds.</param>
public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn);

/// <summary>An account as the API shows it.</summary>
/// <param name="Id">User id.</param>
/// <param name="Email">Email.</param>
/// <param name="DisplayName">Display name.</param>
/// <param name="Role">Role.</param>
/// <param name="Tier">Tier.</param>
/// <param name="CreatedAt">Registration time.</param>
/// <param name="LockedUntil">End of a brute-force lock, if one is in force.</param>
public sealed record UserView(Guid Id, string Email, string DisplayName, string Role, string Tier, DateTimeOffset CreatedAt, DateTimeOffset? LockedUntil = null)
{
    /// <summary>Maps an entity.</summary>
    public static UserView From(User u, DateTimeOffset? lockedUntil = null) =>
        new(u.Id, u.Email, u.DisplayName, u.Role, u.Tier, u.CreatedAt, lockedUntil);
}

/// <summary>Body of <c>GET /api/me</c>.</summary>
/// <param name="Id">User id.</param>
/// <param name="Email">Email.</param>
/// <param name="DisplayName">Display name.</param>
/// <param name="Role">Role.</param>
/// <param name="Tier">Tier.</param>
/// <param name="Quota">This week's generation allowance.</param>
public sealed record MeView(Guid Id, string Email, string DisplayName, string Role, string Tier, Quotas.QuotaStatus Quota);

/// <summary>Body of <c>PATCH /api/admin/users/{id}</c>; absent fields stay as they are.</summary>
/// <param name="Role">New role.</param>
/// <param name="Tier">New tier.</param>
public sealed record UserPatch(string? Role, string? Tier);
