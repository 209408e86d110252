using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;
using Worldloom.Chat;
using Worldloom.Forge;
using Worldloom.Platform;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Realms;
using Worldloom.Server.Data;
using Worldloom.Stories;
using Worldloom.Stories.Narration;

namespace Worldloom.Server;

/// <summary>
/// The composition root. A library rather than a <c>Program</c> so that the CLI (<c>loom serve</c>) and the tests host
/// exactly the same application; see docs/decisions.md.
/// </summary>
public static class LoomServer
{
    /// <summary>Builds the application; <paramref name="configure"/> runs last, so tests can swap the clock or the server.</summary>
    public static WebApplication Build(LoomServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls);
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = options.Settings });
        builder.Configuration.AddInMemoryCollection(options.Overrides);
        builder.Configuration["Loom:DataDir"] = Path.GetFullPath(options.DataDir);
        Directory.CreateDirectory(options.DataDir);
        // ASP.NET Core reads Kestrel's endpoints from configuration but not its limits (dotnet/aspnetcore#4765); bind
        // them too, so an operator can set e.g. Kestrel__Limits__RequestHeadersTimeout like any other setting.
        builder.WebHost.ConfigureKestrel((context, kestrel) => context.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits));

        // EF's per-command SQL logging at Information would bury the server's own messages.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDir, "data-protection")));

        var database = DatabaseTarget.Resolve(options.Database, options.DataDir);
        database.Register(builder.Services);
        builder.Services.AddPlatform(builder.Configuration);
        builder.Services.AddForge();
        builder.Services.AddChat();
        // Plain HTTP/1.1 upgrades to chat's WebSocket are served before HTTP, where an idle socket costs far less.
        builder.AddChatUpgrades();
        builder.Services.AddRealms();
        // The narrator Loom:Stories:Narrator names (offline grammar by default); AddStories keeps it.
        builder.Services.AddStoryNarrator(builder.Configuration.GetSection("Loom:Stories:Narrator"));
        builder.Services.AddStories();
        builder.AddCluster(database);
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster");
        builder.Services.AddOpenApi();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UsePlatform();
        // Chat's real-time endpoint; pings keep idle connections alive through proxies and reveal dead peers.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", o => o.WithTitle("Worldloom API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapPlatform();
        app.MapForge();
        app.MapChat();
        app.MapRealms();
        app.MapStories();
        MapWeb(app, options.WebRoot);
        return app;
    }

    /// <summary>
    /// Applies migrations before the server takes requests; in the PostgreSQL cluster mode also creates or updates the
    /// tables Orleans keeps its membership in.
    /// </summary>
    public static async Task MigrateAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await DatabaseTarget.MigrateAsync(scope.ServiceProvider.GetRequiredService<LoomDb>());
        if (app.Services.GetRequiredService<ClusterSettings>().IsPostgres)
        {
            // The target's own string: the connection EF opened may have dropped the password from its copy.
            await OrleansSchema.ApplyAsync(app.Services.GetRequiredService<DatabaseTarget>().ConnectionString);
        }
    }

    // The single-page app: static files, and index.html for any other non-API path so client routes survive a reload.
    private static void MapWeb(WebApplication app, string? webRoot)
    {
        var root = webRoot ?? FindWebRoot();
        if (root is null || !File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogWebAppMissing();
            return;
        }

        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapFallback("{*path:nonfile}", (string? path) => path is not null && path.StartsWith("api/", StringComparison.Ordinal)
                ? Results.Problem(statusCode: 404, title: "Not found.", detail: $"No API endpoint at /{path}.")
                : Results.File(files.GetFileInfo("index.html").PhysicalPath!, "text/html"))
            .AllowAnonymous();
    }

    private static string? FindWebRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "web", "dist");
            if (File.Exists(Path.Combine(candidate, "index.html")))
            {
                return candidate;
            }
        }

        return null;
    }
}
