using System.IdentityModel.Tokens.Jwt;
using System.Net.WebSockets;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// <c>GET /api/chat/ws</c>: the real-time endpoint (<c>docs/chat-protocol.md</c>). A plain HTTP/1.1 upgrade on a fresh
/// connection is served before HTTP by <see cref="ChatUpgradeListener"/>; this serves the rest (HTTP/2, a keep-alive
/// connection's upgrade) and refuses what is no upgrade.
/// </summary>
public static class ChatSocketEndpoint
{
    /// <summary>Maps the endpoint. Anonymous at the HTTP level: browsers authenticate with the first frame.</summary>
    public static IEndpointRouteBuilder MapChatSocket(this IEndpointRouteBuilder routes)
    {
        routes.Map("/api/chat/ws", AcceptAsync).WithTags("Chat").ExcludeFromDescription().WithMetadata(new InBandAuthentication());
        return routes;
    }

    /// <summary>
    /// Serves an accepted socket until it closes: signed in when <paramref name="user"/> came with the upgrade (its bearer
    /// token), else waiting for the <c>auth</c> frame. Both ways of accepting end here.
    /// </summary>
    internal static Task ServeAsync(WebSocket socket, FrameBatchStream? batch, ClaimsPrincipal? user, ChatFrames frames, ChatRealtimeOptions options, ILogger<ChatConnection> logger)
    {
        var connection = new ChatConnection(socket, frames, options, logger) { Batch = batch };
        if (user is not null)
        {
            var exp = long.TryParse(user.FindFirst(JwtRegisteredClaimNames.Exp)?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MinValue;
            frames.Accepted(connection, user.UserId(), exp);
        }
        else
        {
            frames.ExpectAuth(connection);
        }

        // Not awaited here: an awaiting frame would stay alive, idle, for the socket's lifetime.
        return connection.RunAsync();
    }

    /// <summary>The token of an <c>Authorization: Bearer</c> header, as the platform's bearer authentication reads it; null without one.</summary>
    internal static string? BearerToken(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization["Bearer ".Length..].Trim() is { Length: > 0 } token
            ? token
            : null;

    /// <summary>The answer to an upgrade whose bearer token does not validate: a client that sent one wants to know, not to be asked for <c>auth</c>.</summary>
    internal static IResult InvalidBearer() => Problems.Unauthorized("The access token is invalid or expired.");

    private static async Task<IResult> AcceptAsync(HttpContext http, ChatFrames frames, ChatMetrics metrics, IOptions<ChatRealtimeOptions> options, ILogger<ChatConnection> logger)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Problems.Field("upgrade", "this endpoint speaks WebSocket only: send an upgrade request (see docs/chat-protocol.md).");
        }

        var user = http.User.Identity?.IsAuthenticated == true ? http.User : null;
        if (user is null && BearerToken(http.Request.Headers.Authorization) is not null)
        {
            metrics.Upgrade(ChatMetrics.HttpLevel, StatusCodes.Status401Unauthorized);
            return InvalidBearer();
        }

        metrics.Upgrade(ChatMetrics.HttpLevel, StatusCodes.Status101SwitchingProtocols);
        var (socket, batch) = await ChatSocketHandshake.AcceptAsync(http, options.Value.KeepAliveInterval);
        using var _ = socket;
        await ServeAsync(socket, batch, user, frames, options.Value, logger);
        return Results.Empty;
    }
}
