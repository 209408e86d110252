using Microsoft.EntityFrameworkCore;
using Worldloom.Chat;
using Worldloom.Forge;
using Worldloom.Platform.Data;
using Worldloom.Realms;
using Worldloom.Stories;

namespace Worldloom.Server.Data;

/// <summary>The database on PostgreSQL (<c>LOOM_DB=Host=...</c>); its migrations live in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresLoomDb(DbContextOptions<PostgresLoomDb> options) : LoomDb(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ForgeModel.Configure(modelBuilder);
        ChatModel.Configure(modelBuilder, sqlite: false);
        RealmsModel.Configure(modelBuilder);
        StoriesModel.Configure(modelBuilder);
    }
}
