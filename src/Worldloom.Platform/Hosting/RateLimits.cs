using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Worldloom.Platform.Hosting;

/// <summary>ASP.NET rate limiting: a global per-user/per-address bucket and a tighter policy for the auth endpoints.</summary>
public static class RateLimits
{
    /// <summary>Policy name for <c>/api/auth/*</c>.</summary>
    public const string AuthPolicy = "auth";

    /// <summary>Registers the limiter; it must run after authentication so signed-in callers are told apart.</summary>
    public static IServiceCollection AddLoomRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<PlatformOptions>>().Value.RateLimits;
                var sub = http.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
                if (sub is not null)
                {
                    return RateLimitPartition.GetTokenBucketLimiter("user:" + sub, _ => Bucket(limits.PerUserPerSecond, limits.PerUserBurst));
                }

                return http.GetEndpoint()?.Metadata.GetMetadata<InBandAuthentication>() is not null
                    ? RateLimitPartition.GetTokenBucketLimiter("upgrade:" + http.ClientIp(), _ => Bucket(limits.UpgradePerIpPerSecond, limits.UpgradePerIpBurst))
                    : RateLimitPartition.GetTokenBucketLimiter("ip:" + http.ClientIp(), _ => Bucket(limits.PerIpPerSecond, limits.PerIpBurst));
            });
            o.AddPolicy(AuthPolicy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<PlatformOptions>>().Value.RateLimits.AuthPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter("auth:" + http.ClientIp(), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Problems.Problems.RetryAfterSeconds(wait).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = 429, Title = "Too many requests.", Detail = "Rate limit reached; slow down and retry after the Retry-After interval." },
                });
            };
        });
        return services;
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
