using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Realms.Realtime;

/// <summary><c>GET /api/realms/ws</c>: the game socket (binary frames, <c>docs/realms.md</c>).</summary>
public static class RealmSocketEndpoint
{
    /// <summary>Maps the endpoint. Anonymous at the HTTP level: browsers authenticate with the first frame.</summary>
    public static IEndpointRouteBuilder MapRealmSocket(this IEndpointRouteBuilder routes)
    {
        routes.Map("/api/realms/ws", AcceptAsync).WithTags("Realms").ExcludeFromDescription().WithMetadata(new InBandAuthentication());
        return routes;
    }

    private static async Task<IResult> AcceptAsync(HttpContext http, RealmGateway gateway, IOptions<RealmsRealtimeOptions> options, ILoggerFactory loggers)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Problems.Field("upgrade", "this endpoint speaks WebSocket only: send an upgrade request (see docs/realms.md).");
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = new RealmConnection(socket, options.Value.MaxQueuedFrames, loggers.CreateLogger<RealmConnection>()) { Ip = http.ClientIp() };
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var exp = long.TryParse(http.User.FindFirst(JwtRegisteredClaimNames.Exp)?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MinValue;
            gateway.Accepted(connection, http.User.UserId(), http.User.IsInRole(Roles.Admin), exp);
        }
        else
        {
            gateway.ExpectAuth(connection);
        }

        await connection.RunAsync(gateway.HandleAsync, gateway.ClosedAsync);
        return Results.Empty;
    }
}
