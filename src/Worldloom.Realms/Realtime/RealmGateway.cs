using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Tokens;
using Worldloom.Realms.Characters;
using Worldloom.Realms.Core.Wire;
using Worldloom.Realms.Core.Zones;
using Worldloom.Realms.Realms;

namespace Worldloom.Realms.Realtime;

/// <summary>
/// What each client frame of the game socket does (<c>docs/realms.md</c>, "Wire protocol"): charges it to the
/// connection's rate, reads it strictly, and answers every bad frame with an <c>error</c> frame, keeping the connection.
/// </summary>
public sealed partial class RealmGateway(
    IGrainFactory grains, RealmNode node, ZoneOutbox outbox, IServiceScopeFactory scopes, AccessTokenIssuer tokens, IAuditChain audit, IOptions<RealmsRealtimeOptions> options,
    LoomClock clock, ILogger<RealmGateway> logger)
{
    /// <summary>How often a join follows a zone's <c>moved</c> answer before giving up (a character crossing back and forth).</summary>
    private const int MaxRoutes = 3;

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Closes <paramref name="connection"/> unless it authenticates within the auth timeout.</summary>
    public void ExpectAuth(RealmConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _ = DeadlineAsync(connection);
    }

    /// <summary>Handles one frame; null for a text or oversized frame.</summary>
    public async Task HandleAsync(RealmConnection connection, ReadOnlyMemory<byte>? bytes)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!Charge(connection) || Expired(connection))
        {
            return;
        }

        if (bytes is not { } data)
        {
            Error(connection, RealmErrors.NotBinary, $"frame: frames are binary WebSocket messages of at most {WireLimits.MaxClientFrame} bytes; this one was skipped.");
            return;
        }

        if (!ClientFrames.TryRead(data.Span, out var frame, out var wireError))
        {
            Error(connection, wireError.Code, wireError.Message);
            return;
        }

        if (frame is AuthFrame auth)
        {
            await AuthAsync(connection, auth);
            return;
        }

        if (connection.UserId == Guid.Empty)
        {
            Error(connection, RealmErrors.Unauthenticated, "frame: send auth with an access token first.");
            return;
        }

        switch (frame)
        {
            case JoinFrame join:
                await JoinAsync(connection, join.CharacterId);
                break;
            case InputFrame input when connection.CharacterId is not null:
                var i = input.Input;
                outbox.Input(connection, new ZoneInput(i.Sequence, i.MoveAngle, i.Cast?.Slot ?? 0, i.Cast?.Target ?? 0, i.Cast?.Point.X ?? 0, i.Cast?.Point.Y ?? 0));
                if (input.Ack is { } tick)
                {
                    outbox.Ack(connection, tick);
                }

                break;
            case AckFrame ack when connection.CharacterId is not null:
                outbox.Ack(connection, ack.Tick);
                break;
            case ConsoleCommandFrame console when Zone(connection) is { } zone:
                await ConsoleAsync(connection, zone, console.Line);
                break;
            case PingFrame ping:
                connection.Send(new PongFrame(ping.Nonce));
                break;
            default:
                Error(connection, RealmErrors.NotJoined, "frame: join a character first.");
                break;
        }
    }

    /// <summary>The connection closed: its character gets the zone's grace.</summary>
    public Task ClosedAsync(RealmConnection connection) => node.RemoveAsync(connection);

    /// <summary>A connection authenticated by its upgrade request's bearer token.</summary>
    public void Accepted(RealmConnection connection, Guid userId, bool isAdmin, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.UserId = userId;
        connection.IsAdmin = isAdmin;
        connection.ExpiresAt = expiresAt;
        node.Add(connection);
    }

    private IZoneGrain? Zone(RealmConnection connection)
    {
        if (connection.CharacterId is null || connection.ZoneKey is not { } key)
        {
            return null;
        }

        // The key changes on a transfer (the node sets it from another thread): resolve again whenever it differs.
        if (connection.ZoneGrain is { } cached && ReferenceEquals(cached.Key, key))
        {
            return cached.Grain;
        }

        var grain = grains.GetGrain<IZoneGrain>(key);
        connection.ZoneGrain = (key, grain);
        return grain;
    }

    private async Task DeadlineAsync(RealmConnection connection)
    {
        try
        {
            await Task.Delay(options.Value.AuthTimeout, clock, connection.Stopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (connection.UserId == Guid.Empty)
        {
            connection.Send(new ErrorFrame(RealmErrors.Unauthenticated, "auth: no auth frame in time."));
            connection.Close(RealmConnection.Unauthorized, RealmErrors.Unauthenticated);
        }
    }

    private async Task AuthAsync(RealmConnection connection, AuthFrame auth)
    {
        var result = await _handler.ValidateTokenAsync(auth.AccessToken, tokens.ValidationParameters());
        if (!result.IsValid || !Guid.TryParse(result.ClaimsIdentity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, out var userId))
        {
            connection.Send(new ErrorFrame(RealmErrors.Unauthenticated, "auth.token: the access token is invalid or expired."));
            connection.Close(RealmConnection.Unauthorized, RealmErrors.Unauthenticated);
            return;
        }

        if (connection.UserId != Guid.Empty && connection.UserId != userId)
        {
            Error(connection, RealmErrors.Unauthenticated, "auth.token: this connection belongs to another user; open a new one.");
            return;
        }

        var first = connection.UserId == Guid.Empty;
        connection.UserId = userId;
        connection.IsAdmin = result.ClaimsIdentity.FindFirst(LoomClaims.Role)?.Value == Roles.Admin;
        connection.ExpiresAt = result.SecurityToken.ValidTo == DateTime.MinValue ? clock.GetUtcNow() : new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero);
        if (first)
        {
            node.Add(connection);
        }
    }

    private async Task JoinAsync(RealmConnection connection, Guid characterId)
    {
        if (connection.CharacterId is not null)
        {
            Error(connection, RealmErrors.AlreadyJoined, "join: this connection plays a character already; open another to play a second.");
            return;
        }

        RealmCharacter? character;
        Realm? realm;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
            character = await db.Set<RealmCharacter>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == characterId && c.OwnerId == connection.UserId);
            // The REST API's rule, so the socket never reaches a realm the REST API hides from this player.
            realm = character is null ? null : await RealmAccess.FindAsync(db, character.RealmId, connection.UserId, connection.IsAdmin, CancellationToken.None);
        }

        if (character is null || realm is null)
        {
            // The same answer for "no such character" and "someone else's".
            Error(connection, RealmErrors.NotFound, "join.character_id: no character of yours with that id.");
            return;
        }

        var mayUseConsole = RealmAccess.MayUseConsole(realm, connection.UserId, connection.IsAdmin);
        var key = ZoneGrainKey.Format(realm.Id, new ZoneKey(character.ZoneX, character.ZoneY));
        // Route before the zone knows us: its first batch (the welcome) may arrive before its answer does.
        connection.CharacterId = characterId;
        connection.RealmId = realm.Id;
        for (var route = 0; ; route++)
        {
            connection.ZoneKey = key;
            ZoneJoin joined;
            try
            {
                joined = await grains.GetGrain<IZoneGrain>(key).JoinAsync(node.Reference, connection.Id, characterId, mayUseConsole);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogJoinFailed(logger, e, key);
                joined = new ZoneJoin(RealmErrors.Unavailable, "the zone could not be reached; join again.");
            }

            if (joined.Error is null)
            {
                return;
            }

            if (joined.Error == RealmErrors.Moved && joined.MovedTo is { } moved && route < MaxRoutes)
            {
                key = moved;
                continue;
            }

            connection.CharacterId = null;
            connection.ZoneKey = null;
            Error(connection, joined.Error, "join: " + (joined.Message ?? joined.Error));
            return;
        }
    }

    private async Task ConsoleAsync(RealmConnection connection, IZoneGrain zone, string line)
    {
        var reply = await zone.ConsoleAsync(connection.Id, connection.CharacterId!.Value, line);
        if (!reply.Allowed)
        {
            Error(connection, RealmErrors.Forbidden, "console: " + reply.Text);
            return;
        }

        await audit.AppendAsync(new AuditEvent(connection.UserId.ToString(), connection.Ip, "realms.console", $"realm-character:{connection.CharacterId}",
            new Dictionary<string, string> { ["realm"] = connection.RealmId.ToString(), ["line"] = line, ["ok"] = reply.Ok ? "true" : "false" }));
        connection.Send(new ConsoleReplyFrame(reply.Text.Length > 4000 ? reply.Text[..4000] : reply.Text));
    }

    /// <summary>Counts a frame against the connection's rate; over it, the frame is dropped and (once a window) said so.</summary>
    private bool Charge(RealmConnection connection)
    {
        var now = clock.GetTimestamp();
        var (since, count) = connection.Window;
        if (clock.GetElapsedTime(since, now) >= TimeSpan.FromSeconds(1))
        {
            (since, count) = (now, 0);
        }

        count++;
        connection.Window = (since, count);
        var limit = options.Value.FramesPerSecond;
        if (count <= limit)
        {
            return true;
        }

        if (count == limit + 1)
        {
            Error(connection, RealmErrors.RateLimited, $"frame: at most {limit} frames a second; frames beyond are dropped.");
        }

        return false;
    }

    private bool Expired(RealmConnection connection)
    {
        if (connection.UserId == Guid.Empty || clock.GetUtcNow() < connection.ExpiresAt)
        {
            return false;
        }

        connection.Send(new ErrorFrame(RealmErrors.TokenExpired, "auth.token: the access token expired; reconnect with a fresh one to resume."));
        connection.Close(RealmConnection.Unauthorized, RealmErrors.TokenExpired);
        return true;
    }

    private static void Error(RealmConnection connection, string code, string message)
    {
        RealmsMetrics.BadFrames.WithLabels(code).Inc();
        connection.Send(new ErrorFrame(code, message));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Joining zone {Zone} failed")]
    private static partial void LogJoinFailed(ILogger logger, Exception e, string zone);
}
