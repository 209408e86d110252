using Worldloom.Platform.Tests.Support;

namespace Worldloom.Platform.Tests.Cluster;

/// <summary>
/// A fact that needs the test PostgreSQL. Without <c>LOOM_TEST_POSTGRES</c> it reports itself skipped, with the reason,
/// rather than passing: <c>./test</c> leaves the <c>Cluster</c> category out of its SQLite pass and runs it in the
/// PostgreSQL pass, where the variable is always set.
/// </summary>
public sealed class PostgresClusterFactAttribute : FactAttribute
{
    public PostgresClusterFactAttribute()
    {
        if (TestDatabase.PostgresServer is null)
        {
            Skip = "Needs LOOM_TEST_POSTGRES (a PostgreSQL server connection string); ./test runs it in its PostgreSQL pass.";
        }
    }
}
