using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Tokens;

using Worldloom.Platform.Hosting;

namespace Worldloom.Platform.Accounts;

/// <summary>Registration, login with brute-force protection, and refresh-token rotation with reuse detection.</summary>
public sealed class AccountService(LoomDb db, AccessTokenIssuer issuer, IAuditChain audit, IOptions<TokenOptions> options, LoomClock clock)
{
    /// <summary>Creates an account with role user and tier free. Returns null when the email is taken.</summary>
    public async Task<User?> RegisterAsync(string email, string password, string displayName, string ip, string role = Roles.User, CancellationToken ct = default)
    {
        email = Normalize(email);
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
        {
            return null;
        }

        var user = new User
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Email = email,
            DisplayName = displayName,
            PasswordHash = PasswordHasher.Hash(password),
            Role = role,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Lost a race with a concurrent registration of the same email: the unique index decided.
            return null;
        }

        await audit.AppendAsync(new AuditEvent(user.Id.ToString(), ip, "auth.register", $"user:{user.Id}", new Dictionary<string, string> { ["role"] = role }), ct);
        return user;
    }

    /// <summary>The outcome of a login attempt.</summary>
    public abstract record LoginOutcome;

    /// <summary>Logged in.</summary>
    /// <param name="Tokens">The new token pair.</param>
    public sealed record LoggedIn(TokenPair Tokens) : LoginOutcome;

    /// <summary>Wrong email or password; deliberately the same for both.</summary>
    public sealed record BadCredentials : LoginOutcome;

    /// <summary>Throttled: the account is locked or the address blocked.</summary>
    /// <param name="RetryAfter">How long until it lifts.</param>
    /// <param name="Detail">What is throttled.</param>
    public sealed record Throttled(TimeSpan RetryAfter, string Detail) : LoginOutcome;

    /// <summary>Checks the throttles, then the password; records the attempt and audits it.</summary>
    public async Task<LoginOutcome> LoginAsync(string email, string password, string ip, CancellationToken ct = default)
    {
        email = Normalize(email);
        var now = clock.GetUtcNow();
        var since = now - LoginThrottle.Window;

        var ipFailures = await db.LoginAttempts.AsNoTracking()
            .Where(a => a.Ip == ip && !a.Succeeded && a.At > since).Select(a => a.At).ToListAsync(ct);
        if (LoginThrottle.BlockedUntil(ipFailures, LoginThrottle.IpThreshold, now) is { } ipUntil)
        {
            return new Throttled(ipUntil - now, "Too many failed logins from this address; try again later.");
        }

        if (await AccountLockedUntilAsync(email, now, ct) is { } lockUntil)
        {
            return new Throttled(lockUntil - now, "This account is locked after repeated failed logins; try again later.");
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email, ct);
        var ok = PasswordHasher.Verify(password, user?.PasswordHash ?? PasswordHasher.Decoy) && user is not null;
        db.LoginAttempts.Add(new LoginAttempt { Email = email, Ip = ip, At = now, Succeeded = ok });
        await db.SaveChangesAsync(ct);

        if (!ok || user is null)
        {
            LoomMetrics.LoginFailures.Inc();
            await audit.AppendAsync(new AuditEvent(email, ip, "auth.login.failed", user is null ? "user:unknown" : $"user:{user.Id}"), ct);
            if (await AccountLockedUntilAsync(email, now, ct) is { } lockedNow)
            {
                await audit.AppendAsync(new AuditEvent("system", ip, "auth.lockout", $"email:{email}", new Dictionary<string, string> { ["until"] = lockedNow.ToString("O") }), ct);
            }

            return new BadCredentials();
        }

        await audit.AppendAsync(new AuditEvent(user.Id.ToString(), ip, "auth.login", $"user:{user.Id}"), ct);
        return new LoggedIn(await IssueAsync(user, Guid.NewGuid(), ct));
    }

    /// <summary>When the account's lock ends, or null: failures since its last success inside the window.</summary>
    public async Task<DateTimeOffset?> AccountLockedUntilAsync(string email, DateTimeOffset now, CancellationToken ct = default)
    {
        var since = now - LoginThrottle.Window;
        var recent = await db.LoginAttempts.AsNoTracking()
            .Where(a => a.Email == email && a.At > since).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        var lastSuccess = recent.FindLastIndex(a => a.Succeeded);
        return LoginThrottle.BlockedUntil(recent.Skip(lastSuccess + 1).Select(a => a.At), LoginThrottle.AccountThreshold, now);
    }

    /// <summary>Exchanges a refresh token for a new pair. A token presented twice revokes its whole family.</summary>
    public async Task<TokenPair?> RefreshAsync(string refreshToken, string ip, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var hash = HashToken(refreshToken);
        var stored = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (stored is null || stored.RevokedAt is not null || stored.ExpiresAt <= now)
        {
            return null;
        }

        // Claim the token atomically so two concurrent refreshes cannot both succeed.
        var claimed = await db.RefreshTokens.Where(t => t.Id == stored.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (claimed == 0)
        {
            await RevokeFamilyAsync(stored.FamilyId, now, ct);
            await audit.AppendAsync(new AuditEvent(stored.UserId.ToString(), ip, "auth.refresh.reuse", $"user:{stored.UserId}", new Dictionary<string, string> { ["family"] = stored.FamilyId.ToString() }), ct);
            return null;
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == stored.UserId, ct);
        return user is null ? null : await IssueAsync(user, stored.FamilyId, ct);
    }

    /// <summary>Revokes the family of a refresh token; unknown tokens are ignored so logout is idempotent.</summary>
    public async Task LogoutAsync(string refreshToken, string ip, CancellationToken ct = default)
    {
        var hash = HashToken(refreshToken);
        var stored = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (stored is null)
        {
            return;
        }

        await RevokeFamilyAsync(stored.FamilyId, clock.GetUtcNow(), ct);
        await audit.AppendAsync(new AuditEvent(stored.UserId.ToString(), ip, "auth.logout", $"user:{stored.UserId}"), ct);
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken ct) =>
        db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);

    private async Task<TokenPair> IssueAsync(User user, Guid familyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var refresh = Base64UrlToken(RandomNumberGenerator.GetBytes(32));
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            FamilyId = familyId,
            TokenHash = HashToken(refresh),
            CreatedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
        });
        await db.SaveChangesAsync(ct);
        var (access, expiresIn) = issuer.Issue(user.Id, user.Email, user.Role, user.Tier);
        return new TokenPair(access, refresh, expiresIn);
    }

    /// <summary>Emails compare case-insensitively.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlToken(byte[] bytes) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(bytes);
}
