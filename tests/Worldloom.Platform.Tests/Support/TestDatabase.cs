namespace Worldloom.Platform.Tests.Support;

/// <summary>
/// Where integration tests keep data. SQLite in a temp dir by default; PostgreSQL when <c>LOOM_TEST_POSTGRES</c> holds a
/// server connection string (<c>./test</c> starts a throwaway server and runs the integration suite again with it).
/// Each host gets its own database either way, so tests never see each other's rows.
/// </summary>
public static class TestDatabase
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("LOOM_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>The <c>--db</c> value for a fresh database, or null for SQLite in the data dir.</summary>
    public static string? Fresh() =>
        PostgresServer is { } server ? $"{server};Database=loom_t_{Guid.NewGuid():N}" : null;
}
