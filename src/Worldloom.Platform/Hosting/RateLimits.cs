using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Worldloom.Platform.Hosting;

/// <summary>ASP.NET rate limiting: a global per-user/per-address bucket and a tighter policy for the auth endpoints.</summary>
public static class RateLimits
{
    /// <summary>Policy name for <c>/api/auth/*</c>.</summary>
    public const string AuthPolicy = "auth";

    /// <summary>Registers the limiter; it must run after authentication so signed-in callers are told apart.</summary>
    public static IServiceCollection AddLoomRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<ClientLimits>();
        services.AddOptions<RateLimiterOptions>().Configure<ClientLimits>((o, limits) => o.GlobalLimiter = limits.ForRequests());
        services.AddRateLimiter(o =>
        {
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
            o.OnRejected = (context, _) => new ValueTask(Refusal(context.Lease).ExecuteAsync(context.HttpContext));
        });
        return services;
    }

    /// <summary>The answer to a refused request: 429, with <c>Retry-After</c> from the lease when it says.</summary>
    public static IResult Refusal(RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        return Problems.Problems.TooManyRequests("Rate limit reached; slow down and retry after the Retry-After interval.", wait);
    }
}
