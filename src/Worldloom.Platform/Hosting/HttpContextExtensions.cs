using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace Worldloom.Platform.Hosting;

/// <summary>Facts about the caller that audit entries and throttles need.</summary>
public static class HttpContextExtensions
{
    /// <summary>The client address as the server saw it (no forwarded headers are trusted by default).</summary>
    public static string ClientIp(this HttpContext context) => ClientIp(context.Connection.RemoteIpAddress);

    /// <summary>
    /// The same address for a connection served below HTTP (Chat's WebSocket upgrades), so that both paths charge one
    /// address's limits.
    /// </summary>
    public static string ClientIp(this ConnectionContext connection) => ClientIp((connection.RemoteEndPoint as IPEndPoint)?.Address);

    private static string ClientIp(IPAddress? remote) => remote?.ToString() ?? "local";
}
