using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Zones;
using Worldloom.Realms.Realms;
using Worldloom.Realms.Zones;

namespace Worldloom.Realms.Characters;

/// <summary><c>/api/realms/{id}/characters</c>: the caller's characters in a realm.</summary>
public static class CharactersApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCharactersApi(this IEndpointRouteBuilder routes)
    {
        var characters = routes.MapGroup("/api/realms/{id:guid}/characters").WithTags("Realms").RequireAuthorization();
        characters.MapPost("/", CreateAsync);
        characters.MapGet("/", ListAsync);
        return routes;
    }

    /// <summary>Creates a character at the realm's starting zone (its first settlement's). 201.</summary>
    public static async Task<IResult> CreateAsync(
        Guid id, CharacterCreate body, ClaimsPrincipal user, LoomDb db, ZoneMaps maps, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var v = new Validation();
        var name = v.Text("name", body.Name, RealmLimits.MaxCharacterNameLength, RealmLimits.MinCharacterNameLength);
        if (!v.Failed && !RealmLimits.IsCharacterName(name))
        {
            v.Add("name", "must start with a letter and hold only letters, digits, single spaces, apostrophes and hyphens.");
        }

        if (!CharacterClasses.Exists(body.Class))
        {
            v.Add("class", $"must be one of {string.Join(", ", CharacterClasses.All)}.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        if (await RealmAccess.FindAsync(db, id, user, ct) is not { } realm)
        {
            return Problems.NotFound("realm");
        }

        var userId = user.UserId();
        if (await db.Set<RealmCharacter>().CountAsync(c => c.RealmId == id && c.OwnerId == userId, ct) >= RealmLimits.MaxCharactersPerRealm)
        {
            return Problems.Conflict("characters", $"you have {RealmLimits.MaxCharactersPerRealm} characters in this realm, the most allowed.");
        }

        if (await db.Set<RealmCharacter>().AnyAsync(c => c.RealmId == id && c.Name == name, ct))
        {
            return Problems.Conflict("name", "a character of this realm already has that name.");
        }

        if (await StartZoneAsync(realm, maps, ct) is not { } start)
        {
            return Problems.Conflict("realm", "no zone of this realm's world has a place for players to appear.");
        }

        var now = clock.GetUtcNow();
        var fresh = RealmRules.Default.NewCharacter(body.Class!);
        var character = new RealmCharacter
        {
            Id = Guid.CreateVersion7(now), RealmId = id, OwnerId = userId, Name = name, ClassId = fresh.ClassId, Level = fresh.Level, Hp = fresh.Hp, Mana = fresh.Mana,
            Inventory = fresh.Inventory, ZoneX = start.X, ZoneY = start.Y, CreatedAt = now, UpdatedAt = now,
        };
        db.Set<RealmCharacter>().Add(character);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The (realm, name) index: someone took the name at the same moment.
            return Problems.Conflict("name", "a character of this realm already has that name.");
        }

        await audit.AppendAsync(new AuditEvent(userId.ToString(), http.ClientIp(), "realms.character.create", $"realm-character:{character.Id}",
            new Dictionary<string, string> { ["realm"] = id.ToString(), ["class"] = character.ClassId }), ct);
        return TypedResults.Created($"/api/realms/{id}/characters/{character.Id}", CharacterView.From(character));
    }

    /// <summary>The caller's characters in the realm, oldest first.</summary>
    public static async Task<IResult> ListAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        if (await RealmAccess.FindAsync(db, id, user, ct) is null)
        {
            return Problems.NotFound("realm");
        }

        var userId = user.UserId();
        var characters = await db.Set<RealmCharacter>().AsNoTracking().Where(c => c.RealmId == id && c.OwnerId == userId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);
        return TypedResults.Ok(characters.Select(CharacterView.From).ToList());
    }

    /// <summary>
    /// Where new characters appear: the zone of the world's first settlement, else the first zone (row by row) with a
    /// player spawn; null when no zone has one.
    /// </summary>
    private static async Task<ZoneKey?> StartZoneAsync(Realm realm, ZoneMaps maps, CancellationToken ct)
    {
        if (await maps.WorldAsync(realm.WorldId, realm.WorldHash, ct) is not { } world)
        {
            return null;
        }

        if (world.Settlements.Count > 0)
        {
            var first = world.Settlements[0].Location;
            var key = new ZoneKey(first.X / ZoneCut.DefaultSize, first.Y / ZoneCut.DefaultSize);
            if (await maps.CutAsync(realm, key, ct) is { } map && map.Spawns.Any(s => s.ForPlayers))
            {
                return key;
            }
        }

        for (var y = 0; y < realm.Rows; y++)
        {
            for (var x = 0; x < realm.Columns; x++)
            {
                if (await maps.CutAsync(realm, new ZoneKey(x, y), ct) is { } map && map.Spawns.Any(s => s.ForPlayers))
                {
                    return new ZoneKey(x, y);
                }
            }
        }

        return null;
    }
}
