using Microsoft.AspNetCore.Http;

namespace Worldloom.Platform.Hosting;

/// <summary>Facts about the caller that audit entries and throttles need.</summary>
public static class HttpContextExtensions
{
    /// <summary>The client address as the server saw it (no forwarded headers are trusted by default).</summary>
    public static string ClientIp(this HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "local";
}
