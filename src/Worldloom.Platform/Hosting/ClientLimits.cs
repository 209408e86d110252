using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Worldloom.Platform.Hosting;

/// <summary>
/// The server's per-user and per-address token buckets, which the global HTTP limiter charges (<see cref="RateLimits"/>).
/// One instance per server, so that a WebSocket upgrade served below HTTP (Chat's, at Kestrel's connection level) draws
/// from the very buckets the same upgrade would have drawn from through the middleware.
/// </summary>
public sealed class ClientLimits : IDisposable
{
    private readonly PartitionedRateLimiter<Partition> _buckets;

    /// <summary>Buckets sized by <see cref="PlatformOptions.RateLimits"/>.</summary>
    public ClientLimits(IOptions<PlatformOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _buckets = PartitionedRateLimiter.Create<Partition, Partition>(partition =>
        {
            var limits = options.Value.RateLimits;
            return partition.Kind switch
            {
                PartitionKind.User => RateLimitPartition.GetTokenBucketLimiter(partition, _ => Bucket(limits.PerUserPerSecond, limits.PerUserBurst)),
                PartitionKind.Upgrade => RateLimitPartition.GetTokenBucketLimiter(partition, _ => Bucket(limits.UpgradePerIpPerSecond, limits.UpgradePerIpBurst)),
                _ => RateLimitPartition.GetTokenBucketLimiter(partition, _ => Bucket(limits.PerIpPerSecond, limits.PerIpBurst)),
            };
        });
    }

    private enum PartitionKind
    {
        User,
        Upgrade,
        Address,
    }

    /// <summary>
    /// The global limiter over HTTP requests: a signed-in caller per user; an anonymous upgrade to an endpoint that
    /// authenticates in band (<see cref="InBandAuthentication"/>) per address in the upgrade bucket; anything else per address.
    /// </summary>
    public PartitionedRateLimiter<HttpContext> ForRequests() => _buckets.WithTranslatedKey<HttpContext>(
        http => http.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value is { } sub
            ? new Partition(PartitionKind.User, sub)
            : new Partition(http.GetEndpoint()?.Metadata.GetMetadata<InBandAuthentication>() is not null ? PartitionKind.Upgrade : PartitionKind.Address, http.ClientIp()),
        leaveOpen: true);

    /// <summary>
    /// Charges an upgrade to an in-band-authenticating endpoint served outside the HTTP pipeline: to the user's bucket when
    /// its bearer token named one (<paramref name="subject"/>, the token's <c>sub</c>), else to the address's upgrade bucket.
    /// </summary>
    public RateLimitLease AcquireUpgrade(string? subject, string clientIp) =>
        _buckets.AttemptAcquire(subject is null ? new Partition(PartitionKind.Upgrade, clientIp) : new Partition(PartitionKind.User, subject));

    /// <inheritdoc />
    public void Dispose() => _buckets.Dispose();

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private readonly record struct Partition(PartitionKind Kind, string Key);
}
