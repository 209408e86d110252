using Microsoft.EntityFrameworkCore;
using Worldloom.Chat;
using Worldloom.Forge;
using Worldloom.Platform.Data;
using Worldloom.Realms;
using Worldloom.Stories;

namespace Worldloom.Server.Data;

/// <summary>The database on SQLite (the embedded default); its migrations live in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteLoomDb(DbContextOptions<SqliteLoomDb> options) : LoomDb(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ForgeModel.Configure(modelBuilder);
        ChatModel.Configure(modelBuilder, sqlite: true);
        RealmsModel.Configure(modelBuilder);
        StoriesModel.Configure(modelBuilder);
    }
}
