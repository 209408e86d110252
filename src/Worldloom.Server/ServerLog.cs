using Microsoft.Extensions.Logging;

namespace Worldloom.Server;

/// <summary>Source-generated log messages of the server shell.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "web/dist not found: the web app is not served. Run ./loom (it builds web/) or set LOOM_WEB.")]
    public static partial void LogWebAppMissing(this ILogger logger);
}
