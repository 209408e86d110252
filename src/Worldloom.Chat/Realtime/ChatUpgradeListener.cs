using System.Buffers;
using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// Serves a chat WebSocket upgrade at Kestrel's connection level, below HTTP: a connection whose first request is a
/// plain HTTP/1.1 upgrade to <c>/api/chat/ws</c> never becomes an HTTP connection, so its socket does not keep
/// Kestrel's request state and the middleware pipeline's suspended calls alive for its lifetime (about half of an idle
/// connection's memory, <c>docs/benchmarks.md</c>, session 10). Anything else, including a request it cannot be sure
/// of, goes on to HTTP untouched, every byte still unread: HTTP/2, TLS, a keep-alive connection's later upgrade and
/// every malformed upgrade stay with <see cref="ChatSocketEndpoint"/>. A head still incomplete after Kestrel's header
/// timeout is ended here, as HTTP would end it, since HTTP's own timeout would start over.
/// </summary>
/// <remarks>
/// What the HTTP path applies to an upgrade applies here the same way: the address's (or, with a valid bearer token,
/// the user's) rate limit from <see cref="ClientLimits"/>, token validation by <see cref="AccessTokenIssuer"/>, the
/// same 429 and 401 problems, and the same connection flow (<see cref="ChatSocketEndpoint.ServeAsync"/>).
/// </remarks>
internal sealed class ChatUpgradeListener
{
    /// <summary>The largest request head considered; a bigger one goes to HTTP, which has its own limits.</summary>
    private const int MaxHead = 8 * 1024;

    private static readonly SearchValues<char> Token = SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    private static readonly SearchValues<char> FieldChars = SearchValues.Create("\t" + string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)));
    private static readonly SearchValues<char> HostChars = SearchValues.Create("-._~:[]%0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private readonly ConnectionDelegate _next;
    private readonly IServiceProvider _services;
    private readonly TimeSpan _headTimeout;
    private readonly ClientLimits _limits;
    private readonly AccessTokenIssuer _tokens;
    private readonly ChatMetrics _metrics;
    private readonly ChatFrames _frames;
    private readonly ChatRealtimeOptions _options;
    private readonly ILogger<ChatConnection> _logger;

    internal ChatUpgradeListener(ConnectionDelegate next, IServiceProvider services, TimeSpan headTimeout)
    {
        _next = next;
        _services = services;
        _headTimeout = headTimeout;
        _limits = services.GetRequiredService<ClientLimits>();
        _tokens = services.GetRequiredService<AccessTokenIssuer>();
        _metrics = services.GetRequiredService<ChatMetrics>();
        _frames = services.GetRequiredService<ChatFrames>();
        _options = services.GetRequiredService<IOptions<ChatRealtimeOptions>>().Value;
        _logger = services.GetRequiredService<ILogger<ChatConnection>>();
    }

    private static ReadOnlySpan<byte> Target => "GET /api/chat/ws"u8;

    private static ReadOnlySpan<byte> EndOfHead => "\r\n\r\n"u8;

    /// <summary>
    /// Kestrel's connection middleware: serves the connection if it opens with a chat upgrade, else hands it on. One
    /// method from the handshake to the socket's end, because each awaiting layer stays alive, idle, with the socket.
    /// </summary>
    internal async Task OnConnectedAsync(ConnectionContext connection)
    {
        var (upgrade, slow) = await PeekAsync(connection.Transport.Input);
        if (slow is { } started)
        {
            await TimedOutAsync(connection, started);
            return;
        }

        if (upgrade is null)
        {
            await _next(connection);
            return;
        }

        var (admitted, user) = await AdmitAsync(connection, upgrade);
        if (!admitted)
        {
            return;
        }

        var output = connection.Transport.Output;
        _metrics.Upgrade(ChatMetrics.ConnectionLevel, StatusCodes.Status101SwitchingProtocols);
        output.Write(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: {ChatSocketHandshake.AcceptKey(upgrade.Key)}\r\n\r\n"));
        await output.FlushAsync();
        var batch = new FrameBatchStream(new TransportStream(connection.Transport));
        using var socket = WebSocket.CreateFromStream(batch, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = _options.KeepAliveInterval });
        await ChatSocketEndpoint.ServeAsync(socket, batch, user, _frames, _options, _logger);
    }

    /// <summary>
    /// Reads the first request's head, consuming it only when it is a chat upgrade; otherwise every byte stays unread
    /// and unexamined, so HTTP's first read returns them at once. <c>Slow</c> is set when the head did not complete
    /// within the header timeout: true if it had begun (as a chat upgrade: anything else goes to HTTP at its first
    /// bytes), false if no byte came.
    /// </summary>
    private async Task<(Upgrade? Upgrade, bool? Slow)> PeekAsync(PipeReader input)
    {
        using var timeout = new CancellationTokenSource(_headTimeout);
        var begun = false;
        while (true)
        {
            ReadResult result;
            try
            {
                result = await input.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Not handed on: HTTP would start a header timeout of its own, and the connection would be held twice as long.
                return (null, begun);
            }

            var buffer = result.Buffer;
            begun |= !buffer.IsEmpty;
            var (upgrade, more) = Parse(buffer);
            if (upgrade is not null)
            {
                input.AdvanceTo(buffer.GetPosition(upgrade.HeadLength));
                return (upgrade, null);
            }

            if (more && !result.IsCompleted && !result.IsCanceled)
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            input.AdvanceTo(buffer.Start, buffer.Start);
            return (null, null);
        }
    }

    /// <summary>
    /// Ends a connection whose head did not arrive in time, as Kestrel ends one: a 408 when a request had begun, else
    /// just the close.
    /// </summary>
    private async Task TimedOutAsync(ConnectionContext connection, bool started)
    {
        if (!started)
        {
            return;
        }

        _metrics.Upgrade(ChatMetrics.ConnectionLevel, StatusCodes.Status408RequestTimeout);
        var output = connection.Transport.Output;
        output.Write("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"u8);
        await output.FlushAsync();
    }

    /// <summary>The upgrade a complete head asks for; none with <c>More</c> while the head may still become one.</summary>
    private static (Upgrade? Upgrade, bool More) Parse(ReadOnlySequence<byte> buffer)
    {
        Span<byte> start = stackalloc byte[Target.Length + 1];
        var seen = (int)Math.Min(buffer.Length, start.Length);
        buffer.Slice(0, seen).CopyTo(start);
        if (!start[..Math.Min(seen, Target.Length)].SequenceEqual(Target[..Math.Min(seen, Target.Length)]))
        {
            return (null, false);
        }

        if (seen < start.Length)
        {
            return (null, true);
        }

        if (start[^1] is not ((byte)' ' or (byte)'?'))
        {
            return (null, false);
        }

        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> head, EndOfHead))
        {
            return (null, buffer.Length < MaxHead);
        }

        var length = head.Length + EndOfHead.Length;
        return (length <= MaxHead ? Read(Encoding.Latin1.GetString(head), length) : null, false);
    }

    /// <summary>A valid RFC 6455 opening handshake (§4.2.1), in the form the HTTP path accepts; null for anything else.</summary>
    private static Upgrade? Read(string head, long length)
    {
        var lines = head.Split("\r\n");
        var requestLine = lines[0];
        if (!requestLine.EndsWith(" HTTP/1.1", StringComparison.Ordinal) || requestLine.AsSpan(4, requestLine.Length - 13).ContainsAnyExceptInRange('!', '~'))
        {
            return null;
        }

        string? host = null, upgrade = null, key = null, version = null, authorization = null;
        var connectionUpgrade = false;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line.AsSpan(0, colon).ContainsAnyExcept(Token) || line.AsSpan(colon + 1).ContainsAnyExcept(FieldChars))
            {
                return null;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(' ', '\t');
            switch (name.ToUpperInvariant())
            {
                case "HOST" when host is null && value.Length > 0 && !value.AsSpan().ContainsAnyExcept(HostChars):
                    host = value;
                    break;
                case "UPGRADE" when upgrade is null:
                    upgrade = value;
                    break;
                case "CONNECTION":
                    connectionUpgrade |= value.Split(',').Any(t => t.Trim(' ', '\t').Equals("Upgrade", StringComparison.OrdinalIgnoreCase));
                    break;
                case "SEC-WEBSOCKET-KEY" when key is null:
                    key = value;
                    break;
                case "SEC-WEBSOCKET-VERSION" when version is null:
                    version = value;
                    break;
                case "AUTHORIZATION" when authorization is null:
                    authorization = value;
                    break;
                case "HOST" or "UPGRADE" or "SEC-WEBSOCKET-KEY" or "SEC-WEBSOCKET-VERSION" or "AUTHORIZATION" or "CONTENT-LENGTH" or "TRANSFER-ENCODING":
                    // Repeated, or a body on an upgrade: HTTP decides.
                    return null;
            }
        }

        Span<byte> nonce = stackalloc byte[16];
        var upgradable = host is not null && connectionUpgrade && "websocket".Equals(upgrade, StringComparison.OrdinalIgnoreCase) && version == "13"
            && key is { Length: 24 } && Convert.TryFromBase64String(key, nonce, out var written) && written == 16;
        return upgradable ? new Upgrade(key!, ChatSocketEndpoint.BearerToken(authorization), length) : null;
    }

    /// <summary>
    /// Checks the upgrade as the HTTP path would: its bearer token if it has one, then the user's or the address's
    /// upgrade limit. A refused upgrade is answered (429 or 401, the HTTP path's problems) and not admitted.
    /// </summary>
    private async Task<(bool Admitted, ClaimsPrincipal? User)> AdmitAsync(ConnectionContext connection, Upgrade upgrade)
    {
        ClaimsPrincipal? user = null;
        if (upgrade.Bearer is { } token && await _tokens.ValidateAsync(token) is { IsValid: true } valid
            && Guid.TryParse(valid.ClaimsIdentity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, out _))
        {
            user = new ClaimsPrincipal(valid.ClaimsIdentity);
        }

        using (var lease = _limits.AcquireUpgrade(user?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, connection.ClientIp()))
        {
            if (!lease.IsAcquired)
            {
                await RefuseAsync(connection.Transport.Output, RateLimits.Refusal(lease));
                return (false, null);
            }
        }

        if (upgrade.Bearer is not null && user is null)
        {
            await RefuseAsync(connection.Transport.Output, ChatSocketEndpoint.InvalidBearer());
            return (false, null);
        }

        return (true, user);
    }

    /// <summary>
    /// Answers with <paramref name="refusal"/>, the result the HTTP path answers with, rendered as it renders it, and
    /// ends the connection.
    /// </summary>
    private async Task RefuseAsync(PipeWriter output, IResult refusal)
    {
        using var body = new MemoryStream();
        var http = new DefaultHttpContext { RequestServices = _services };
        http.Response.Body = body;
        await refusal.ExecuteAsync(http);
        http.Response.ContentLength = body.Length;
        http.Response.Headers.Connection = "close";
        var head = new StringBuilder().Append("HTTP/1.1 ").Append(http.Response.StatusCode).Append(' ').Append(ReasonPhrases.GetReasonPhrase(http.Response.StatusCode)).Append("\r\n");
        foreach (var (name, values) in http.Response.Headers)
        {
            foreach (var value in values)
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }
        }

        output.Write(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        output.Write(body.GetBuffer().AsSpan(0, (int)body.Length));
        _metrics.Upgrade(ChatMetrics.ConnectionLevel, http.Response.StatusCode);
        await output.FlushAsync();
    }

    /// <summary>A chat upgrade's head: its key, its bearer token if any, and how many bytes it took.</summary>
    private sealed record Upgrade(string Key, string? Bearer, long HeadLength);
}
