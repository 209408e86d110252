using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Chat.Messages;
using Worldloom.Platform.Data;

namespace Worldloom.Server.Data;

/// <summary>Which database to use: a PostgreSQL connection string, or else a SQLite file in the data dir.</summary>
/// <param name="ConnectionString">The ADO.NET connection string.</param>
/// <param name="IsPostgres">True for PostgreSQL.</param>
public sealed record DatabaseTarget(string ConnectionString, bool IsPostgres)
{
    /// <summary>PostgreSQL when <paramref name="database"/> looks like an Npgsql connection string, else SQLite at <c>DATA/loom.db</c>.</summary>
    public static DatabaseTarget Resolve(string? database, string dataDir)
    {
        if (!string.IsNullOrWhiteSpace(database) && database.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseTarget(database, true);
        }

        var path = string.IsNullOrWhiteSpace(database) ? Path.Combine(dataDir, "loom.db") : database;
        return new DatabaseTarget(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = true }.ToString(), false);
    }

    /// <summary>
    /// Registers <see cref="LoomDb"/> on this target (pooled), and the target itself. Pooled because a fresh context
    /// per request rebuilt its options and EF's internal services every time, the largest single cost of a small read (see docs/benchmarks.md). A pooled
    /// context is reset (change tracker, connection, transaction) when its scope ends, so each scope still sees a
    /// clean one; <see cref="LoomDb"/> keeps no state of its own that a reset would miss.
    /// </summary>
    public void Register(IServiceCollection services)
    {
        services.AddSingleton(this);
        if (IsPostgres)
        {
            services.AddDbContextPool<LoomDb, PostgresLoomDb>(o => o.UseNpgsql(ConnectionString));
        }
        else
        {
            services.AddDbContextPool<LoomDb, SqliteLoomDb>(o => o.UseSqlite(ConnectionString).AddInterceptors(SqliteBusyTimeout.Instance));
        }
    }

    /// <summary>
    /// Applies pending migrations; on SQLite also switches to WAL so readers never block the writer, and fills the
    /// message idempotency hashes that SQL could not (<see cref="ClientKeys.FillAsync"/>).
    /// </summary>
    public static async Task MigrateAsync(LoomDb db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(ct);
        await ClientKeys.FillAsync(db, ct);
    }
}
