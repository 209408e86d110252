namespace Worldloom.Platform.Hosting;

/// <summary>
/// Endpoint metadata: the endpoint opens anonymously and authenticates inside the connection (a WebSocket whose first
/// frame carries the token, since browsers cannot set headers on an upgrade). The global limiter gives such upgrades
/// their own per-address bucket (<see cref="RateLimitOptions.UpgradePerIpPerSecond"/>), so many users behind one
/// address reconnecting at once are not held to the anonymous page limit; the endpoint limits per user once it knows who.
/// </summary>
public sealed class InBandAuthentication;
