using Npgsql;

namespace Worldloom.Server.Data;

/// <summary>
/// The tables and stored queries Orleans' ADO.NET clustering needs in PostgreSQL. The Orleans packages ship no SQL, so the
/// script is ours (<c>OrleansClustering.PostgreSQL.sql</c>, embedded); it is idempotent and runs at every start.
/// </summary>
internal static class OrleansSchema
{
    private const string ScriptResource = "Worldloom.Server.Data.OrleansClustering.PostgreSQL.sql";

    /// <summary>Creates or updates the clustering schema in the database of <paramref name="connectionString"/>.</summary>
    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var script = await ReadScriptAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // One transaction: the script's advisory lock is held until commit, so two processes never interleave DDL.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(script, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<string> ReadScriptAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(OrleansSchema).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"Embedded resource {ScriptResource} is missing from {typeof(OrleansSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
