using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Worldloom.Server;

namespace Worldloom.Cli.Commands;

/// <summary>Options every command understands, and the offline host that commands other than serve run against.</summary>
internal static class CommonOptions
{
    /// <summary><c>--data DIR</c>, default <c>LOOM_DATA</c> or <c>./.loom</c>.</summary>
    public static readonly Option<string> Data = new("--data")
    {
        Description = "Data directory (default: $LOOM_DATA or ./.loom)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("LOOM_DATA") is { Length: > 0 } d ? d : ".loom",
    };

    /// <summary><c>--db</c>: a PostgreSQL connection string or SQLite path, default <c>LOOM_DB</c>.</summary>
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "PostgreSQL connection string (Host=...) or SQLite file (default: $LOOM_DB, else DATA/loom.db)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("LOOM_DB"),
    };

    /// <summary>Server options from the parsed command line.</summary>
    public static LoomServerOptions ServerOptions(ParseResult result) => new()
    {
        DataDir = result.GetValue(Data)!,
        Database = result.GetValue(Database),
        WebRoot = Environment.GetEnvironmentVariable("LOOM_WEB"),
    };

    /// <summary>
    /// The application built but not listening, with migrations applied: commands use its services so they run exactly
    /// the code the server runs.
    /// </summary>
    public static async Task<WebApplication> OfflineAsync(ParseResult result)
    {
        var app = LoomServer.Build(ServerOptions(result), b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            // Standard output carries the command's own answer (a key id, a table, a verdict); logs go to stderr.
            b.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
        await LoomServer.MigrateAsync(app);
        return app;
    }
}
