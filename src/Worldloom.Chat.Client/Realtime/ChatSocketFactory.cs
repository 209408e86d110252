using System.Net.WebSockets;

namespace Worldloom.Chat.Client.Realtime;

/// <summary>Opens a WebSocket to <c>/api/chat/ws</c>; tests pass the in-memory transport's instead of a network one.</summary>
/// <param name="accessToken">A current access token, for factories that can authenticate the upgrade with a header.</param>
/// <param name="cancellationToken">Cancels the connect.</param>
public delegate Task<WebSocket> ChatSocketFactory(string accessToken, CancellationToken cancellationToken);

/// <summary>The network factory.</summary>
public static class ChatSockets
{
    /// <summary>
    /// A factory for <paramref name="server"/> (http or https) that authenticates the upgrade with an
    /// <c>Authorization</c> header, so the token never travels in the URL.
    /// </summary>
    public static ChatSocketFactory Over(Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var builder = new UriBuilder(new Uri(server, "/api/chat/ws")) { Scheme = server.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
        var endpoint = builder.Uri;
        return async (token, ct) =>
        {
            var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
            try
            {
                await socket.ConnectAsync(endpoint, ct);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
    }
}
