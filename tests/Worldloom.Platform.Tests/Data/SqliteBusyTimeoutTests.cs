using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Data;
using Worldloom.Server.Data;

namespace Worldloom.Platform.Tests.Data;

/// <summary>SQLite waits for a locked database itself, in short steps, instead of Microsoft.Data.Sqlite's 150 ms sleeps.</summary>
public sealed class SqliteBusyTimeoutTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "loom-busy-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task EveryConnectionOfTheDatabase_HasSqlitesBusyTimeout_OfItsCommandTimeout()
    {
        Directory.CreateDirectory(_dir);
        var services = new ServiceCollection();
        DatabaseTarget.Resolve(null, _dir).Register(services);
        await using var provider = services.BuildServiceProvider();

        // Twice: a pooled connection is opened again on the handle it had.
        for (var i = 0; i < 2; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            Assert.Equal(connection.DefaultTimeout * 1000L, await BusyTimeoutAsync(connection));
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task Apply_SetsTheConnectionsOwnTimeout()
    {
        Directory.CreateDirectory(_dir);
        var file = Path.Combine(_dir, "t.db");
        await using var connection = new SqliteConnection($"Data Source={file};Default Timeout=7;Pooling=False");
        await connection.OpenAsync();
        Assert.Equal(0, await BusyTimeoutAsync(connection));
        SqliteBusyTimeout.Apply(connection);
        Assert.Equal(7000, await BusyTimeoutAsync(connection));
    }

    private static async Task<long> BusyTimeoutAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
