using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Worldloom.Server.Data;

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteLoomDb</c> build the model without a running server.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteLoomDb>
{
    /// <inheritdoc />
    public SqliteLoomDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLoomDb>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresLoomDb</c> build the model without a database.</summary>
public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresLoomDb>
{
    /// <inheritdoc />
    public PostgresLoomDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLoomDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
