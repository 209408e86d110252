using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// Accepts the chat WebSocket over HTTP/1.1 itself (RFC 6455 §4.2.2) so that the socket runs over a
/// <see cref="FrameBatchStream"/>: ASP.NET Core's own accept builds the socket straight on the upgraded stream, where
/// every frame is its own flush. The request was already checked by <c>IsWebSocketRequest</c> (method, <c>Upgrade</c>,
/// <c>Connection</c>, version 13, a valid key); no subprotocol and no compression are offered, as before.
/// </summary>
internal static class ChatSocketHandshake
{
    private static readonly byte[] Rfc6455Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"u8.ToArray();

    /// <summary>Completes the upgrade; the batch stream is null where ASP.NET Core's accept had to be used instead (HTTP/2).</summary>
    public static async Task<(WebSocket Socket, FrameBatchStream? Batch)> AcceptAsync(HttpContext http, TimeSpan keepAlive)
    {
        var upgrade = http.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true })
        {
            // WebSockets over HTTP/2 (extended CONNECT) have no upgraded stream to wrap.
            return (await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = keepAlive }), null);
        }

        http.Response.Headers.Connection = "Upgrade";
        http.Response.Headers.Upgrade = "websocket";
        http.Response.Headers.SecWebSocketAccept = AcceptKey(http.Request.Headers.SecWebSocketKey.ToString());
        var batch = new FrameBatchStream(await upgrade.UpgradeAsync());
        var socket = WebSocket.CreateFromStream(batch, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = keepAlive });
        return (socket, batch);
    }

    /// <summary>The <c>Sec-WebSocket-Accept</c> value for a client's <c>Sec-WebSocket-Key</c>.</summary>
    internal static string AcceptKey(string key)
    {
        Span<byte> input = stackalloc byte[64];
        var length = Encoding.ASCII.GetBytes(key.Trim(), input);
        Rfc6455Guid.CopyTo(input[length..]);
        return Convert.ToBase64String(SHA1.HashData(input[..(length + Rfc6455Guid.Length)]));
    }
}
