using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Data;
using Worldloom.Platform.Tokens;

namespace Worldloom.Realms.Realms;

/// <summary>
/// Who may play where: a public realm is open to every signed-in user, a private one to its owner and admins; a realm
/// the caller may not play in answers 404 (ids cannot be probed).
/// </summary>
public static class RealmAccess
{
    /// <summary>The realm if it is public, the caller owns it or is an admin.</summary>
    public static Task<Realm?> FindAsync(LoomDb db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        return FindAsync(db, id, user.UserId(), user.IsInRole(Roles.Admin), ct);
    }

    /// <summary>The realm if it is public, <paramref name="userId"/> owns it or is an admin.</summary>
    public static Task<Realm?> FindAsync(LoomDb db, Guid id, Guid userId, bool isAdmin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Realm>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == id && (isAdmin || r.OwnerId == userId || r.Visibility == RealmVisibility.Public), ct);
    }

    /// <summary>
    /// Whether a player may use the dev console in <paramref name="realm"/>: admins anywhere, the owner in a Test Area;
    /// the other players of a public Test Area may not.
    /// </summary>
    public static bool MayUseConsole(Realm realm, Guid userId, bool isAdmin)
    {
        ArgumentNullException.ThrowIfNull(realm);
        return isAdmin || (realm.Preset == RealmPresets.TestArea && realm.OwnerId == userId);
    }
}
