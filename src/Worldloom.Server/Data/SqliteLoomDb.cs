using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Data;

namespace Worldloom.Server.Data;

/// <summary>The database on SQLite (the embedded default); its migrations live in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteLoomDb(DbContextOptions<SqliteLoomDb> options) : LoomDb(options);
