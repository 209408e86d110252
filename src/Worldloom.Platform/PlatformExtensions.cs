using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prometheus;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Apis;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Keys;
using Worldloom.Platform.Quotas;
using Worldloom.Platform.Tokens;

namespace Worldloom.Platform;

/// <summary>Wires the platform slice: accounts, tokens, roles, quotas, audit, keys, blobs, limits, problems, health.</summary>
public static class PlatformExtensions
{
    /// <summary>
    /// Registers platform services. The caller registers <see cref="Data.LoomDb"/> for its chosen provider.
    /// Configuration section <c>Loom</c> binds <see cref="PlatformOptions"/>; <c>Loom:Tokens</c> binds <see cref="TokenOptions"/>;
    /// <c>Loom:Keys</c> binds <see cref="KeyStoreOptions"/>, which picks the key store (file or PKCS#11);
    /// <c>Loom:Blobs</c> binds <see cref="BlobStoreOptions"/>, checked at startup.
    /// </summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(LoomClock.SystemClock);
        services.Configure<PlatformOptions>(configuration.GetSection("Loom"));
        services.Configure<TokenOptions>(configuration.GetSection("Loom:Tokens"));

        services.Configure<KeyStoreOptions>(configuration.GetSection("Loom:Keys"));

        // The PIN of a PKCS#11 token is read from the process environment here and nowhere else (see KeyStoreOptions).
        services.TryAddSingleton<IKeyStore>(sp => KeyStoreFactory.Create(
            sp.GetRequiredService<IOptions<KeyStoreOptions>>().Value,
            sp.GetRequiredService<IOptions<PlatformOptions>>().Value.DataDir,
            sp.GetRequiredService<LoomClock>(),
            Environment.GetEnvironmentVariable));
        services.AddHostedService<KeyStoreStartupCheck>();
        services.AddOptions<BlobStoreOptions>().Bind(configuration.GetSection("Loom:Blobs")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BlobStoreOptions>, BlobStoreOptionsValidator>());
        services.TryAddSingleton<IBlobStore>(BlobStoreFactory.Create);
        services.AddSingleton<BlobSweep>();
        services.AddHostedService<BlobSweeper>();
        services.AddSingleton<IJobHandler, BlobSweepJob>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<IAuditChain, AuditChain>();
        services.AddScoped<IQuotaService, QuotaService>();
        services.AddScoped<AccountService>();
        services.Configure<JobOptions>(configuration.GetSection("Loom:Jobs"));
        services.AddSingleton<JobRunner>();
        services.AddScoped<IJobQueue, JobQueue>();
        services.AddSingleton<JobSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<JobSweeper>());
        services.AddSingleton<IJobHandler, AuditVerifyJob>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<AccessTokenIssuer>((o, issuer) =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = issuer.ValidationParameters();
            o.Events = new JwtBearerEvents
            {
                // A bare 401 tells a client nothing; answer with a problem like every other failure.
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context.HttpContext,
                        ProblemDetails =
                        {
                            Status = 401,
                            Title = "Unauthorized.",
                            Detail = context.AuthenticateFailure is null ? "A bearer access token is required." : "The access token is invalid or expired.",
                        },
                    });
                },
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Policies.Moderator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Moderator, Roles.Admin))
            // Prometheus scrapes from the same host without credentials; from anywhere else it takes an admin token.
            .AddPolicy(Policies.Metrics, p => p.RequireAssertion(ctx => ctx.User.IsInRole(Roles.Admin)
                || (ctx.Resource is HttpContext http && (http.Connection.RemoteIpAddress is not { } ip || System.Net.IPAddress.IsLoopback(ip)))));

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddLoomRateLimits();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<KeyStoreHealthCheck>("keys")
            .AddCheck<BlobStoreHealthCheck>("blobs");
        return services;
    }

    /// <summary>Adds the platform middleware in order: errors, body limit, authentication, rate limits, authorization.</summary>
    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBodySizeLimit();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseHttpMetrics();
        return app;
    }

    /// <summary>Maps the platform's endpoints and <c>/health</c>.</summary>
    public static IEndpointRouteBuilder MapPlatform(this IEndpointRouteBuilder routes)
    {
        routes.MapAuthApi();
        routes.MapMeApi();
        routes.MapProjectsApi();
        routes.MapAdminUsersApi();
        routes.MapAuditApi();
        routes.MapAdminBlobsApi();
        routes.MapJobsApi();
        routes.MapMetrics("/metrics").RequireAuthorization(Policies.Metrics).DisableRateLimiting();
        routes.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthReportWriter.WriteAsync,
            ResultStatusCodes =
            {
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy] = 200,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded] = 200,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = 503,
            },
        }).AllowAnonymous().DisableRateLimiting();
        return routes;
    }
}
