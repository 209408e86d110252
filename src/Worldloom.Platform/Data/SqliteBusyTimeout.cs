using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Worldloom.Platform.Data;

/// <summary>
/// Lets SQLite itself wait for a locked database (<c>sqlite3_busy_timeout</c>) on every connection, for as long as the
/// connection's command timeout. Microsoft.Data.Sqlite does not set it: on a busy database it sleeps 150 ms and
/// retries, so a write that found another writer's transaction of a few milliseconds in progress waited 150 ms (zone
/// ticks at 1,000 players stalled in steps of 150 ms; docs/benchmarks.md, session 15). SQLite's handler retries
/// within a millisecond or two of the lock's release.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>The one instance; it holds no state.</summary>
    public static SqliteBusyTimeout Instance { get; } = new();

    private SqliteBusyTimeout()
    {
    }

    /// <summary>Sets the busy timeout of an open connection to its <see cref="SqliteConnection.DefaultTimeout"/>.</summary>
    public static void Apply(SqliteConnection connection)
    {
        var rc = raw.sqlite3_busy_timeout(connection.Handle, checked(connection.DefaultTimeout * 1000));
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            Apply(sqlite);
        }
    }

    /// <inheritdoc />
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}
