using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Realtime;

/// <summary><c>GET /api/chat/ws</c>: the real-time endpoint (<c>docs/chat-protocol.md</c>).</summary>
public static class ChatSocketEndpoint
{
    /// <summary>Maps the endpoint. Anonymous at the HTTP level: browsers authenticate with the first frame.</summary>
    public static IEndpointRouteBuilder MapChatSocket(this IEndpointRouteBuilder routes)
    {
        routes.Map("/api/chat/ws", AcceptAsync).WithTags("Chat").ExcludeFromDescription().WithMetadata(new InBandAuthentication());
        return routes;
    }

    private static async Task<IResult> AcceptAsync(HttpContext http, ChatFrames frames, IOptions<ChatRealtimeOptions> options, ILoggerFactory loggers)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Problems.Field("upgrade", "this endpoint speaks WebSocket only: send an upgrade request (see docs/chat-protocol.md).");
        }

        var (socket, batch) = await ChatSocketHandshake.AcceptAsync(http, options.Value.KeepAliveInterval);
        using var _ = socket;
        var connection = new ChatConnection(socket, frames, options.Value, loggers.CreateLogger<ChatConnection>()) { Batch = batch };
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var exp = long.TryParse(http.User.FindFirst(JwtRegisteredClaimNames.Exp)?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MinValue;
            frames.Accepted(connection, http.User.UserId(), exp);
        }
        else
        {
            frames.ExpectAuth(connection);
        }

        await connection.RunAsync();
        return Results.Empty;
    }
}
