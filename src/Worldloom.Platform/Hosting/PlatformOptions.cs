namespace Worldloom.Platform.Hosting;

/// <summary>Settings under <c>Loom</c> in configuration (environment: <c>Loom__MaxBodyBytes</c> and so on).</summary>
public sealed class PlatformOptions
{
    /// <summary>Where everything is kept: database, keys, blobs.</summary>
    public string DataDir { get; set; } = ".loom";

    /// <summary>Largest request body accepted, in bytes; larger ones get 413.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Rate limits.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();
}

/// <summary>Token-bucket limits: authenticated callers are limited per user, anonymous ones per address.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sustained requests per second for one signed-in user.</summary>
    public int PerUserPerSecond { get; set; } = 100;

    /// <summary>Burst size for one signed-in user.</summary>
    public int PerUserBurst { get; set; } = 200;

    /// <summary>Sustained requests per second for one anonymous address.</summary>
    public int PerIpPerSecond { get; set; } = 20;

    /// <summary>Burst size for one anonymous address.</summary>
    public int PerIpBurst { get; set; } = 60;

    /// <summary>
    /// Sustained anonymous upgrades per second from one address to endpoints that authenticate in band
    /// (<see cref="InBandAuthentication"/>): a whole office behind one NAT reconnecting after a restart.
    /// </summary>
    public int UpgradePerIpPerSecond { get; set; } = 200;

    /// <summary>Burst of such upgrades from one address.</summary>
    public int UpgradePerIpBurst { get; set; } = 1000;

    /// <summary>Requests per minute to <c>/api/auth/*</c> from one address (on top of the login lockout rules).</summary>
    public int AuthPerMinute { get; set; } = 60;
}
